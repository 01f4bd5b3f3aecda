import { z } from 'zod';
import { expectShape } from './expectShape';
import { uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/** Company segments (Mautic 7.2+): checked on a fake 7.2; skipped on an older real Mautic. */
const companySegment = z
	.object({
		isPublished: z.boolean(),
		dateAdded: z.string().nullable(),
		dateModified: z.string().nullable(),
		createdBy: z.number().int().nullable(),
		createdByUser: z.string().nullable(),
		modifiedBy: z.number().int().nullable(),
		modifiedByUser: z.string().nullable(),
		id: z.number().int().positive().nullable(),
		name: z.string().min(1),
		publicName: z.string(),
		alias: z.string(),
		description: z.string().nullable(),
		category: z.unknown(),
		filters: z.array(z.record(z.unknown())).optional(),
	})
	.strict();

onEachBackend(
	'contract',
	'Company segments',
	({ backend, check }) => {
		check(
			'create, add and remove companies, list members (company-segment:), add many with per-id details, delete',
			async () => {
				const created = await backend().raw('POST', '/api/companysegments/new', {
					name: uniqueName('Company segment'),
				});
				expect(created.status).toBe(201);
				const segment = expectShape(
					S.one('companysegment', companySegment),
					created.body,
				).companysegment;
				const company = (
					await backend().api('POST', '/companies/new', { companyname: uniqueName('Seg co') })
				).company;
				expectShape(
					S.success,
					(
						await backend().raw(
							'POST',
							`/api/companysegments/${segment.id}/company/${company.id}/add`,
						)
					).body,
				);
				const members = (await backend().api(
					'GET',
					`/companies?search=${encodeURIComponent(`company-segment:${segment.alias}`)}`,
				)) as { companies: Record<string, unknown> };
				expect(Object.keys(members.companies)).toEqual([String(company.id)]);
				const many = (await backend().api('POST', `/companysegments/${segment.id}/companies/add`, {
					ids: [company.id, 999999999],
				})) as { success: number; details: Record<string, { success: boolean }> };
				expect(many.details).toEqual({
					[String(company.id)]: { success: true },
					'999999999': { success: false },
				});
				expectShape(
					S.success,
					(
						await backend().raw(
							'POST',
							`/api/companysegments/${segment.id}/company/${company.id}/remove`,
						)
					).body,
				);
				const deleted = expectShape(
					S.one('companysegment', companySegment),
					(await backend().raw('DELETE', `/api/companysegments/${segment.id}/delete`)).body,
				);
				expect(deleted.companysegment.id).toBeNull();
			},
			{ needs: 'companySegments' },
		);
	},
	{ fakeVersion: '7.2.0' },
);
