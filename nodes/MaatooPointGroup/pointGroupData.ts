import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { numericLocatorId } from '../shared/descriptions/locatorId';
import { POINT_GROUP_URL_ID } from '../shared/descriptions/pointGroupLocator';
import type { MauticResponse } from '../shared/transport';

/** The point group ID of the `pointGroupId` locator (list, ID or a link to it in Mautic). */
export function pointGroupIdOf(ctx: IExecuteFunctions, itemIndex: number): Promise<number> {
	return numericLocatorId(ctx, itemIndex, 'pointGroupId', 'Point Group', POINT_GROUP_URL_ID);
}

/** Mautic wraps one group as `{"pointGroup": {…}}`. */
export function pointGroupOf(response: MauticResponse): IDataObject {
	return (response.body as IDataObject).pointGroup as IDataObject;
}
