import type { Operation } from '../../shared/engine';
import { addContactOperation } from './addContact.operation';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { removeContactOperation } from './removeContact.operation';
import { updateOperation } from './update.operation';

/** Every Stage operation; adding one is adding a file and a line here. */
export const stageOperations: Operation[] = [
	createOperation,
	updateOperation,
	getOperation,
	getAllOperation,
	deleteOperation,
	addContactOperation,
	removeContactOperation,
];
