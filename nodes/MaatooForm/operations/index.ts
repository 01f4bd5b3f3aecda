import type { Operation } from '../../shared/engine';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { getContactSubmissionsOperation } from './getContactSubmissions.operation';
import { getSubmissionOperation } from './getSubmission.operation';
import { getSubmissionsOperation } from './getSubmissions.operation';

/** Every Form operation; adding one is adding a file and a line here. */
export const formOperations: Operation[] = [
	getOperation,
	getAllOperation,
	getSubmissionsOperation,
	getContactSubmissionsOperation,
	getSubmissionOperation,
	deleteOperation,
];
