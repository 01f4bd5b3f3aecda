import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { readStatsCatalogue } from '../statsApi';

/** The statistics tables of the instance, with their columns as the hint. */
export async function getStatsTables(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { tables, columns } = await readStatsCatalogue(this);
	return tables.map((table) => ({
		name: table,
		value: table,
		description: columns[table]?.length ? `Columns: ${columns[table].join(', ')}` : undefined,
	}));
}
