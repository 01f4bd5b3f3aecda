import type { IDataObject } from 'n8n-workflow';
import { MaatooCompany } from '../../nodes/MaatooCompany/MaatooCompany.node';
import type { HarnessCredential } from '../harness';
import { registerNodeType, runNode } from './maatooRun';

registerNodeType('maatooCompany', new MaatooCompany());

/**
 * A company mapper value as n8n saves it ("Map Each Field Below"): the schema comes from the
 * instance, where companyname is a unique identifier (canBeUsedToMatch).
 */
export function companyFields(value: IDataObject, types: Record<string, string> = {}): IDataObject {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: Object.keys({ companyname: '', ...value, ...types }).map((id) => ({
			id,
			displayName: id,
			required: false,
			defaultMatch: id === 'companyname',
			canBeUsedToMatch: id === 'companyname',
			display: true,
			type: types[id] ?? 'string',
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

export async function runCompany(
	credential: HarnessCredential,
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({ type: 'maatooCompany', credential, parameters, ...options });
}
