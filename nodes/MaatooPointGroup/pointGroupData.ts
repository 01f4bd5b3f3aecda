import type { IDataObject } from 'n8n-workflow';
import type { MauticResponse } from '../shared/transport';

export { pointGroupIdOf } from '../shared/locators/pointGroupLocator';

/** Mautic wraps one group as `{"pointGroup": {…}}`. */
export function pointGroupOf(response: MauticResponse): IDataObject {
	return (response.body as IDataObject).pointGroup as IDataObject;
}
