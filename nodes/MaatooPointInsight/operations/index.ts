import type { Operation } from '../../shared/engine';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { replaceOperation } from './replace.operation';
import { updateOperation } from './update.operation';

/** Every Point Insight operation; adding one is adding a file and a line here. */
export const pointInsightOperations: Operation[] = [
	createOperation,
	replaceOperation,
	getOperation,
	getAllOperation,
	updateOperation,
	deleteOperation,
];
