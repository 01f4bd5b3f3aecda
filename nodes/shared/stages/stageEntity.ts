import { entityListSearch, type Entity } from '../entities/entity';
import { entityLocator } from '../locators/entityLocator';

/** Stages: used by the Stage node and by the Contact node's Change Stage. */
export const stageLocatorSpec = entityLocator({
	displayName: 'Stage',
	name: 'stageId',
	noun: 'stage',
	searchListMethod: 'searchStages',
	exampleId: 2,
	uiPath: 's/stages',
	// Mautic has no view page for a stage: its links (e.g. in a contact's history) open the editor.
	uiAction: 'edit',
	description: 'The stage to work on',
});

/** Stages: `/api/stages`, `{"stage": …}` / `{"stages": […]}` (a JSON array). */
export const stageEntity: Entity = {
	path: '/stages',
	key: 'stage',
	listKey: 'stages',
	label: 'stage',
	pluralLabel: 'stages',
	locator: stageLocatorSpec,
	uiPath: 's/stages',
	uiAction: 'edit',
};

/** Resource-locator search: stages whose name matches the typed text, lowest weight first. */
export const searchStages = entityListSearch(stageEntity, {
	orderBy: 'weight',
	orderByDir: 'ASC',
	name: (stage) =>
		`${String(stage.name ?? `Stage ${stage.id}`)}${stage.isPublished === false ? ' [unpublished]' : ''}`,
});
