import type { Operation } from '../../shared/engine';
import { getActivityOperation, getAllActivityOperation } from './activity.operation';
import { deleteOperation } from './delete.operation';
import { addDoNotContactOperation, removeDoNotContactOperation } from './doNotContact.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { adjustGroupScoreOperation, getGroupScoreOperation, getGroupScoresOperation } from './groupScores.operation';
import {
	getCampaignsOperation,
	getCompaniesOperation,
	getContactSegmentsOperation,
	getDevicesOperation,
	getFieldsOperation,
	getNotesOperation,
	getOwnersOperation,
} from './lookups.operation';
import { adjustPointsOperation } from './points.operation';
import { replaceOperation } from './replace.operation';
import { updateOperation } from './update.operation';
import { upsertOperation } from './upsert.operation';
import { addUtmOperation, removeUtmOperation } from './utm.operation';

/** Every Contact operation; adding one is adding a file and a line here. */
export const contactOperations: Operation[] = [
	upsertOperation,
	updateOperation,
	replaceOperation,
	getOperation,
	getAllOperation,
	deleteOperation,
	addDoNotContactOperation,
	removeDoNotContactOperation,
	addUtmOperation,
	removeUtmOperation,
	adjustPointsOperation,
	getGroupScoresOperation,
	getGroupScoreOperation,
	adjustGroupScoreOperation,
	getOwnersOperation,
	getFieldsOperation,
	getNotesOperation,
	getContactSegmentsOperation,
	getCampaignsOperation,
	getCompaniesOperation,
	getDevicesOperation,
	getActivityOperation,
	getAllActivityOperation,
];
