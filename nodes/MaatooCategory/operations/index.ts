import type { Operation } from '../../shared/engine';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { updateOperation } from './update.operation';

/** Every Category operation; adding one is adding a file and a line here. */
export const categoryOperations: Operation[] = [
	createOperation,
	updateOperation,
	getOperation,
	getAllOperation,
	deleteOperation,
];
