import type { Operation } from '../../shared/engine';
import { readStatsCatalogue } from '../statsApi';

export const getStatsTablesOperation: Operation = {
	value: 'getStatsTables',
	name: 'Get Stats Tables',
	action: 'Get the statistics tables',
	description: 'List the statistics tables Get Stats can read, one item per table with its columns',
	properties: [],
	async run(ctx, itemIndex) {
		const { tables, columns } = await readStatsCatalogue(ctx, itemIndex);
		return tables.map((table) => ({ table, columns: columns[table] ?? [] }));
	},
};
