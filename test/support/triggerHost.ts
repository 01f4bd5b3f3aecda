/**
 * One Maatoo Trigger in one workflow, played the way n8n's ActiveWorkflowManager plays it
 * (n8n-core's HookContext, WebhookContext and LoadOptionsContext; static data kept between calls
 * as n8n keeps it), against any Mautic: the credential and the origin Mautic posts to (a loopback
 * receiver standing in for n8n) are passed in. Used by test/integration/trigger.test.ts (the fake)
 * and test/contract/trigger.nodes.test.ts (both backends).
 */
import { ExternalSecretsProxy, HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { MaatooApi } from '../../credentials/MaatooApi.credentials';
import { MaatooOAuth2Api } from '../../credentials/MaatooOAuth2Api.credentials';
import { MaatooTrigger } from '../../nodes/MaatooTrigger/MaatooTrigger.node';
import { HarnessCredentialTypes } from '../harness/credential-types';
import { HarnessCredentialsHelper, type HarnessCredential } from '../harness/credentials-helper';
import { HarnessNodeTypes } from '../harness/node-types';
import { ensureN8nRuntime } from '../harness/setup';

/* eslint-disable @typescript-eslint/no-explicit-any */
const trigger = new MaatooTrigger();
const TYPE = 'n8n-nodes-maatoo.maatooTrigger';

export interface HostOptions {
	/** The n8n address Mautic posts to (the receiver standing in for n8n). */
	origin: string;
	credential: HarnessCredential;
	parameters?: IDataObject;
	webhookId?: string;
	nodeName?: string;
	workflowName?: string;
}

export interface Received {
	response: IWebhookResponseData;
	status?: number;
	body?: unknown;
	items: IDataObject[];
}

/**
 * One trigger node in one workflow, played the way n8n's ActiveWorkflowManager plays it: static
 * data is kept between calls as n8n keeps it in its database.
 */
export class TriggerHost {
	staticData: IDataObject = {};

	readonly webhookId: string;

	constructor(private readonly options: HostOptions) {
		this.webhookId = options.webhookId ?? 'a1b2c3d4-0000-4000-8000-000000000001';
	}

	get url(): string {
		return `${this.options.origin}/webhook/${this.webhookId}/webhook`;
	}

	private credential(): HarnessCredential {
		return this.options.credential;
	}

	setParameters(parameters: IDataObject): void {
		this.options.parameters = parameters;
	}

	private build(extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
		ensureN8nRuntime();
		const credential = this.credential();
		const node: INode = {
			id: 'trigger-node',
			name: this.options.nodeName ?? 'Maatoo Trigger',
			type: TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: this.webhookId,
			parameters: {
				authentication: credential.type === 'maatooOAuth2Api' ? 'oAuth2' : 'basicAuth',
				...(this.options.parameters ?? {}),
			},
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		};
		const workflow = new Workflow({
			id: 'wfTrigger0001',
			name: this.options.workflowName ?? 'Lead sync',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new HarnessNodeTypes({ [TYPE]: trigger }),
			staticData: structuredClone(this.staticData),
			settings: { executionOrder: 'v1' },
		});
		const additionalData = {
			credentialsHelper: new HarnessCredentialsHelper(
				new HarnessCredentialTypes([new MaatooApi(), new MaatooOAuth2Api()]),
				new Map([[credential.id, structuredClone(credential)]]),
			),
			executionId: 'trigger-test',
			restApiUrl: `${this.options.origin}/rest`,
			instanceBaseUrl: `${this.options.origin}/`,
			webhookBaseUrl: `${this.options.origin}/webhook`,
			webhookTestBaseUrl: `${this.options.origin}/webhook-test`,
			webhookWaitingBaseUrl: `${this.options.origin}/webhook-waiting`,
			formWaitingBaseUrl: `${this.options.origin}/form-waiting`,
			variables: {},
			externalSecretsProxy: new ExternalSecretsProxy(),
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
		return { workflow, node: workflow.getNode(node.name) as INode, additionalData };
	}

	private save(workflow: Workflow): void {
		this.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}

	private async hook<T>(work: (ctx: HookContext) => Promise<T>): Promise<T> {
		const { workflow, node, additionalData } = this.build();
		const ctx = new HookContext(workflow, node, additionalData, 'trigger', 'activate');
		try {
			return await work(ctx);
		} finally {
			this.save(workflow);
		}
	}

	checkExists(): Promise<boolean> {
		return this.hook((ctx) => trigger.webhookMethods.default.checkExists.call(ctx));
	}

	create(): Promise<boolean> {
		return this.hook((ctx) => trigger.webhookMethods.default.create.call(ctx));
	}

	delete(): Promise<boolean> {
		return this.hook((ctx) => trigger.webhookMethods.default.delete.call(ctx));
	}

	/** What n8n does on publish and on every start: checkExists, then create if that said no. */
	async activate(): Promise<{ existed: boolean }> {
		const existed = await this.checkExists();
		if (!existed) await this.create();
		return { existed };
	}

	async loadEvents() {
		const { workflow, node, additionalData } = this.build();
		const ctx = new LoadOptionsContext(workflow, node, additionalData, 'events');
		return await trigger.methods.loadOptions.getWebhookEvents.call(ctx);
	}

	/** The form list of the form filter (Form Names or IDs). */
	async loadForms() {
		const { workflow, node, additionalData } = this.build();
		const ctx = new LoadOptionsContext(workflow, node, additionalData, 'forms');
		return await trigger.methods.loadOptions.getForms.call(ctx);
	}

	/** A POST to the production URL with these exact bytes and headers. */
	async receive(rawBody: string, headers: Record<string, string>): Promise<Received> {
		const res: {
			statusCode?: number;
			sent?: unknown;
			status(code: number): unknown;
			json(body: unknown): unknown;
		} = {
			status(code: number) {
				this.statusCode = code;
				return this;
			},
			json(body: unknown) {
				this.sent = body;
				return this;
			},
		};
		let parsed: unknown = {};
		try {
			parsed = JSON.parse(rawBody);
		} catch {
			parsed = {};
		}
		const lowerCased = Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
		);
		const req = {
			method: 'POST',
			headers: lowerCased,
			body: parsed,
			rawBody: Buffer.from(rawBody, 'utf8'),
			query: {},
			params: {},
			readRawBody: async () => undefined,
		};
		const { workflow, node, additionalData } = this.build({
			httpRequest: req,
			httpResponse: res,
		} as any);
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: trigger.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
		} as unknown as IWebhookData;
		const ctx = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const response = await trigger.webhook.call(ctx);
		// n8n saves the static data after every production webhook call (live-webhooks.js).
		this.save(workflow);
		const items = (response.workflowData?.[0] ?? []).map((item) => item.json);
		return { response, status: res.statusCode, body: res.sent, items };
	}

	/** Feeds one delivery Mautic made to webhook(). */
	async receiveDelivery(delivery: { body: string; signature: string }): Promise<Received> {
		return await this.receive(delivery.body, {
			'Content-Type': 'application/json',
			'Webhook-Signature': delivery.signature,
		});
	}
}
