import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { getForms } from './methods/forms';
import { getWebhookEvents } from './methods/webhookEvents';
import { triggerProperties } from './description';
import { createHook, deleteHooks, hookExists } from './hookLifecycle';
import { receiveWebhook } from './receive';

export class MaatooTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Trigger',
		name: 'maatooTrigger',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when contacts, emails, forms or pages change in maatoo or Mautic',
		defaults: { name: 'Maatoo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [authenticationProperty, ...triggerProperties],
	};

	methods = {
		loadOptions: { getForms, getWebhookEvents },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await hookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createHook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteHooks(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this);
	}
}
