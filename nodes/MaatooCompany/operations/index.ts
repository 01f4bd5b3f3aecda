import type { Operation } from '../../shared/engine';
import { addContactOperation } from './addContact.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { getContactsOperation } from './getContacts.operation';
import { removeContactOperation } from './removeContact.operation';
import { replaceOperation } from './replace.operation';
import { updateOperation } from './update.operation';
import { upsertOperation } from './upsert.operation';

/** Every Company operation in menu order; adding one is adding a file and a line here. */
export const companyOperations: Operation[] = [
	upsertOperation,
	updateOperation,
	replaceOperation,
	getOperation,
	getAllOperation,
	getContactsOperation,
	addContactOperation,
	removeContactOperation,
	deleteOperation,
];
