import type { Operation } from '../../shared/engine';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { replaceOperation } from './replace.operation';
import { sendToContactOperation } from './sendToContact.operation';
import { sendToSegmentOperation } from './sendToSegment.operation';
import { updateOperation } from './update.operation';

/** Every Email operation; adding one is adding a file and a line here. */
export const emailOperations: Operation[] = [
	sendToContactOperation,
	sendToSegmentOperation,
	getOperation,
	getAllOperation,
	createOperation,
	updateOperation,
	replaceOperation,
	deleteOperation,
];
