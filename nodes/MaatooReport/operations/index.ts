import type { Operation } from '../../shared/engine';
import { getAllOperation } from './getAll.operation';
import { getStatsOperation } from './getStats.operation';
import { getStatsTablesOperation } from './getStatsTables.operation';
import { runOperation } from './run.operation';

/** Every Report operation; adding one is adding a file and a line here. */
export const reportOperations: Operation[] = [
	runOperation,
	getAllOperation,
	getStatsOperation,
	getStatsTablesOperation,
];
