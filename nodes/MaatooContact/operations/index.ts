import type { Operation } from '../../shared/engine';
import { addDoNotContactOperation } from './addDoNotContact.operation';
import { addUtmOperation } from './addUtm.operation';
import { adjustGroupScoreOperation } from './adjustGroupScore.operation';
import { adjustPointsOperation } from './adjustPoints.operation';
import { changeStageOperation } from './changeStage.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getActivityOperation } from './getActivity.operation';
import { getAllOperation } from './getAll.operation';
import { getAllActivityOperation } from './getAllActivity.operation';
import { getCampaignsOperation } from './getCampaigns.operation';
import { getCompaniesOperation } from './getCompanies.operation';
import { getDevicesOperation } from './getDevices.operation';
import { getFieldsOperation } from './getFields.operation';
import { getGroupScoreOperation } from './getGroupScore.operation';
import { getGroupScoresOperation } from './getGroupScores.operation';
import { getNotesOperation } from './getNotes.operation';
import { getOwnersOperation } from './getOwners.operation';
import { getContactSegmentsOperation } from './getSegments.operation';
import { removeDoNotContactOperation } from './removeDoNotContact.operation';
import { removeUtmOperation } from './removeUtm.operation';
import { replaceOperation } from './replace.operation';
import { updateOperation } from './update.operation';
import { upsertOperation } from './upsert.operation';

/** Every Contact operation, one file each named by its value; adding one is adding a file and a line here. */
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
	changeStageOperation,
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
