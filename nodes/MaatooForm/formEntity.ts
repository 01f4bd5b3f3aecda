import type { Entity } from '../shared/entities/entity';
import { entityLocator } from '../shared/locators/entityLocator';

/** Forms: pick from a search, type an ID, or paste a link to the form in Mautic. */
export const formLocatorSpec = entityLocator({
	displayName: 'Form',
	name: 'formId',
	noun: 'form',
	searchListMethod: 'searchForms',
	exampleId: 3,
	uiPath: 's/forms',
});

/** Forms: `/api/forms`, `{"form": …}` / `{"forms": […]}`. */
export const formEntity: Entity = {
	path: '/forms',
	key: 'form',
	listKey: 'forms',
	label: 'form',
	pluralLabel: 'forms',
	locator: formLocatorSpec,
	uiPath: 's/forms',
};
