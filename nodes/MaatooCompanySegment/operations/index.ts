import type { Operation } from '../../shared/engine';
import {
	createOperation,
	deleteOperation,
	getAllOperation,
	getOperation,
	replaceOperation,
	updateOperation,
} from './crud';
import { addCompaniesOperation, addCompanyOperation, removeCompanyOperation } from './membership';
import { getCompaniesOperation } from './getCompanies.operation';

/** Every Company Segment operation in menu order. */
export const companySegmentOperations: Operation[] = [
	createOperation,
	getOperation,
	getAllOperation,
	updateOperation,
	replaceOperation,
	deleteOperation,
	getCompaniesOperation,
	addCompanyOperation,
	addCompaniesOperation,
	removeCompanyOperation,
];
