import type { Operation } from '../../shared/engine';
import { addContactOperation } from './addContact.operation';
import { cloneOperation } from './clone.operation';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { getContactsOperation } from './getContacts.operation';
import { removeContactOperation } from './removeContact.operation';

/** Every Campaign operation; adding one is adding a file and a line here. */
export const campaignOperations: Operation[] = [
	addContactOperation,
	removeContactOperation,
	getContactsOperation,
	getOperation,
	getAllOperation,
	createOperation,
	cloneOperation,
	deleteOperation,
];
