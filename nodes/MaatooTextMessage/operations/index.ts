import type { Operation } from '../../shared/engine';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { sendToContactOperation } from './sendToContact.operation';
import { updateOperation } from './update.operation';

/** Every Text Message operation; adding one is adding a file and a line here. */
export const textMessageOperations: Operation[] = [
	sendToContactOperation,
	createOperation,
	updateOperation,
	getOperation,
	getAllOperation,
	deleteOperation,
];
