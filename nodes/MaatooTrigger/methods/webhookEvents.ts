import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { mauticRequest } from '../../shared/transport';

/** Mautic sends the raw translation key when a description has no translation. */
function isTranslationKey(text: string): boolean {
	return /^[a-z0-9_]+(\.[a-z0-9_]+)+$/i.test(text.trim());
}

/**
 * The webhook events the instance offers (`GET /hooks/triggers`, keyed by event type and sorted
 * by label), plugins' events included. The event type is shown where Mautic has no description.
 */
export async function getWebhookEvents(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const response = await mauticRequest(this, { method: 'GET', path: '/hooks/triggers' });
	const triggers = (response.body as IDataObject | undefined)?.triggers;
	if (!triggers || typeof triggers !== 'object' || Array.isArray(triggers)) return [];
	return Object.entries(triggers as Record<string, IDataObject | null>).map(([event, trigger]) => {
		const label =
			typeof trigger?.label === 'string' && trigger.label.trim() ? trigger.label : event;
		const text = typeof trigger?.description === 'string' ? trigger.description.trim() : '';
		return {
			name: label,
			value: event,
			description: text && !isTranslationKey(text) ? text : event,
		};
	});
}
