import type { Operation } from '../../shared/engine';
import { addContactOperation } from './addContact.operation';
import { removeContactOperation } from './removeContact.operation';
import { addContactsOperation } from './addContacts.operation';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { getContactsOperation } from './getContacts.operation';
import { replaceOperation } from './replace.operation';
import { updateOperation } from './update.operation';

/** Every Segment operation; adding one is adding a file and a line here. */
export const segmentOperations: Operation[] = [
	createOperation,
	updateOperation,
	replaceOperation,
	getOperation,
	getAllOperation,
	deleteOperation,
	addContactOperation,
	addContactsOperation,
	removeContactOperation,
	getContactsOperation,
];
