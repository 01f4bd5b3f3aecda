/* eslint-disable @typescript-eslint/no-explicit-any */
import { expectShape } from './expectShape';
import { uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

onEachBackend('contract', 'Tags', ({ backend, check }) => {
	check(
		'create (201; an existing name in any case answers that tag with 200, renamed to that case), list (keyed), rename, delete; no name is a 500',
		async () => {
			const name = uniqueName('contract-tag').replace(/ /g, '-');
			const created = await backend().raw('POST', '/api/tags/new', { tag: name });
			expect(created.status).toBe(201);
			const tag = expectShape(S.one('tag', S.tagEntity), created.body).tag;
			expect(tag).toEqual({ id: tag.id, tag: name, description: null });
			try {
				const again = await backend().raw('POST', '/api/tags/new', {
					tag: name.toUpperCase(),
					description: 'ignored',
				});
				expect(again.status).toBe(200);
				// Found without case, then saved with the name as given: a Create can change a tag's case.
				expect(expectShape(S.one('tag', S.tagEntity), again.body).tag).toEqual({
					...tag,
					tag: name.toUpperCase(),
				});

				// `search` is ignored on tags (no catch-all search in TagRepository); `where … like` filters.
				const all = expectShape(
					S.keyedList('tags', S.tagEntity, 'int'),
					(await backend().raw('GET', '/api/tags?search=no-tag-has-this-name-zz&limit=2')).body,
				);
				expect(all.total).toBeGreaterThan(0);
				const list = expectShape(
					S.keyedList('tags', S.tagEntity, 'int'),
					(
						await backend().raw(
							'GET',
							`/api/tags?where[0][col]=tag&where[0][expr]=like&where[0][val]=${encodeURIComponent(`%${name.toLowerCase()}%`)}`,
						)
					).body,
				);
				expect(Object.keys(list.tags)).toEqual([String(tag.id)]);

				const renamed = expectShape(
					S.one('tag', S.tagEntity),
					(await backend().raw('PATCH', `/api/tags/${tag.id}/edit`, { tag: ` ${name}-new ` })).body,
				);
				expect(renamed.tag).toEqual({ id: tag.id, tag: `${name}-new`, description: null });

				const nameless = await backend().raw('POST', '/api/tags/new', { description: 'x' });
				expect(nameless.status).toBe(500);
				expectShape(S.subscriberError, nameless.body);
			} finally {
				const deleted = expectShape(
					S.one('tag', S.tagEntity),
					(await backend().raw('DELETE', `/api/tags/${tag.id}/delete`)).body,
				);
				expect(deleted.tag.id).toBeNull();
			}
			expect((await backend().raw('GET', `/api/tags/${tag.id}`)).status).toBe(404);
		},
	);
});

onEachBackend('contract', 'Tags', ({ backend, check }) => {
	check(
		'a name is cut at a "<" even without a closing ">" (InputHelper::string strips /<[^>]*>?/); a where value is HTML-encoded',
		async () => {
			const name = uniqueName('contract-tag').replace(/ /g, '-');
			const created = await backend().raw('POST', '/api/tags/new', { tag: `${name} score<5 b` });
			const tag = expectShape(S.one('tag', S.tagEntity), created.body).tag;
			const qa = (await backend().api('POST', '/tags/new', { tag: `${name} Q&A` })).tag;
			try {
				expect(tag.tag).toBe(`${name} score`);
				// A where value is HTML-encoded (FILTER_SANITIZE_SPECIAL_CHARS): "&" never matches, "_" does.
				const like = async (val: string) =>
					(
						(
							await backend().raw(
								'GET',
								`/api/tags?where[0][col]=tag&where[0][expr]=like&where[0][val]=${encodeURIComponent(val)}`,
							)
						).body as { total: number }
					).total;
				expect(await like(`%${name} Q&A%`)).toBe(0);
				expect(await like(`%${name} Q_A%`)).toBe(1);
			} finally {
				await backend().raw('DELETE', `/api/tags/${qa.id}/delete`);
				await backend().raw('DELETE', `/api/tags/${tag.id}/delete`);
			}
		},
	);
});

onEachBackend('contract', 'Categories', ({ backend, check }) => {
	check(
		'create with a bundle (alias from the title, unique in the bundle), filter by bundle with where, patch keeps the bundle, delete; sms and a missing bundle are 400s',
		async () => {
			const title = uniqueName('Contract category');
			const created = await backend().raw('POST', '/api/categories/new', {
				title,
				bundle: 'email',
				color: 'ff0000',
			});
			expect(created.status).toBe(201);
			const category = expectShape(S.one('category', S.category), created.body).category;
			const twin = (await backend().api('POST', '/categories/new', { title, bundle: 'email' }))
				.category;
			try {
				expect(category).toMatchObject({
					title,
					bundle: 'email',
					color: 'ff0000',
					description: null,
				});
				expect(twin.alias).toBe(`${category.alias}1`);

				const byBundle = expectShape(
					S.arrayList('categories', S.category),
					(
						await backend().raw(
							'GET',
							`/api/categories?search=${encodeURIComponent(title)}&where[0][col]=bundle&where[0][expr]=eq&where[0][val]=email`,
						)
					).body,
				);
				expect(byBundle.categories.map((c) => c.id)).toEqual([category.id, twin.id]);
				const otherBundle = expectShape(
					S.arrayList('categories', S.category),
					(
						await backend().raw(
							'GET',
							`/api/categories?search=${encodeURIComponent(title)}&where[0][col]=bundle&where[0][expr]=eq&where[0][val]=page`,
						)
					).body,
				);
				expect(otherBundle.categories).toEqual([]);

				const patched = expectShape(
					S.one('category', S.category),
					(
						await backend().raw('PATCH', `/api/categories/${category.id}/edit`, {
							bundle: 'page',
							description: 'patched',
						})
					).body,
				);
				expect(patched.category).toMatchObject({ bundle: 'email', description: 'patched' });

				const sms = await backend().raw('POST', '/api/categories/new', { title, bundle: 'sms' });
				expect(sms.status).toBe(400);
				expect(expectShape(S.validationError, sms.body).errors[0].message).toBe(
					'bundle: This value is not valid.',
				);
				const noBundle = await backend().raw('POST', '/api/categories/new', { title });
				expect(noBundle.status).toBe(400);
				expect(expectShape(S.validationError, noBundle.body).errors[0].message).toBe(
					'bundle: A value is required.',
				);
				expectShape(
					S.one('category', S.category),
					(await backend().raw('GET', `/api/categories/${category.id}`)).body,
				);
			} finally {
				await backend().raw('DELETE', `/api/categories/${twin.id}/delete`);
				const deleted = expectShape(
					S.one('category', S.category),
					(await backend().raw('DELETE', `/api/categories/${category.id}/delete`)).body,
				);
				expect(deleted.category.id).toBeNull();
			}
		},
	);
});

onEachBackend('contract', 'Batch endpoints of stages and tags', ({ backend, check }) => {
	check(
		'batch new reports each entry (a nameless stage a 400, an existing tag name a 200), batch edit 404s a missing id, batch delete answers what it deleted',
		async () => {
			const stageName = uniqueName('Batch stage');
			const stages = await backend().raw('POST', '/api/stages/batch/new', [
				{ name: stageName },
				{ weight: 3 },
			]);
			expect(stages.status).toBe(201);
			const stageAnswer = expectShape(
				S.batchAnswer('stages', S.stage, S.batchEntryError),
				stages.body,
			) as any;
			expect(stageAnswer.statusCodes).toEqual([201, 400]);
			expect(stageAnswer.errors['1'].message).toBe('name: A name is required.');
			const stageId = stageAnswer.stages[0].id;

			const tagName = uniqueName('batch-tag').replace(/ /g, '-');
			const tags = expectShape(
				S.batchAnswer('tags', S.tagEntity, S.batchEntryError),
				(
					await backend().raw('POST', '/api/tags/batch/new', [
						{ tag: tagName },
						{ tag: tagName.toUpperCase() },
					])
				).body,
			) as any;
			expect(tags.statusCodes).toEqual([201, 200]);
			expect(tags.tags[1]).toEqual({
				id: tags.tags[0].id,
				tag: tagName.toUpperCase(),
				description: null,
			});
			const tagId = tags.tags[0].id;

			const edited = expectShape(
				S.batchAnswer('tags', S.tagEntity, S.batchEntryError),
				(
					await backend().raw('PATCH', '/api/tags/batch/edit', [
						{ id: tagId, tag: `${tagName}-2` },
						{ id: 999999, tag: 'nothing' },
					])
				).body,
			) as any;
			expect(edited.statusCodes).toEqual([200, 404]);
			expect(edited.tags[0].tag).toBe(`${tagName}-2`);

			const deletedTags = (
				await backend().raw('DELETE', `/api/tags/batch/delete?ids=${tagId},999999`)
			).body as any;
			expect(Object.values(deletedTags.tags).map((t: any) => t.id)).toEqual([tagId]);
			const deletedStages = (
				await backend().raw('DELETE', `/api/stages/batch/delete?ids=${stageId}`)
			).body as any;
			expect(Object.values(deletedStages.stages).map((s: any) => s.id)).toEqual([stageId]);
			expect((await backend().raw('GET', `/api/stages/${stageId}`)).status).toBe(404);
		},
	);
});
