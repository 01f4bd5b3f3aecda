import { MaatooApi } from '../../../credentials/MaatooApi.credentials';
import { MaatooOAuth2Api } from '../../../credentials/MaatooOAuth2Api.credentials';
import { MaatooCampaign } from '../../../nodes/MaatooCampaign/MaatooCampaign.node';
import { MaatooContact } from '../../../nodes/MaatooContact/MaatooContact.node';
import { MaatooEmail } from '../../../nodes/MaatooEmail/MaatooEmail.node';
import { MaatooForm } from '../../../nodes/MaatooForm/MaatooForm.node';
import { MaatooNote } from '../../../nodes/MaatooNote/MaatooNote.node';
import { MaatooCompany } from '../../../nodes/MaatooCompany/MaatooCompany.node';
import { MaatooCompanySegment } from '../../../nodes/MaatooCompanySegment/MaatooCompanySegment.node';
import { MaatooPointGroup } from '../../../nodes/MaatooPointGroup/MaatooPointGroup.node';
import { MaatooPointInsight } from '../../../nodes/MaatooPointInsight/MaatooPointInsight.node';
import { MaatooSegment } from '../../../nodes/MaatooSegment/MaatooSegment.node';
import { MaatooTrigger } from '../../../nodes/MaatooTrigger/MaatooTrigger.node';
import { MaatooStage } from '../../../nodes/MaatooStage/MaatooStage.node';
import { MaatooTextMessage } from '../../../nodes/MaatooTextMessage/MaatooTextMessage.node';
import { MaatooTag } from '../../../nodes/MaatooTag/MaatooTag.node';
import { MaatooCategory } from '../../../nodes/MaatooCategory/MaatooCategory.node';
import { MaatooReport } from '../../../nodes/MaatooReport/MaatooReport.node';
import { recordedSurface } from './recordedSurface';
import { credentialSurface, nodeSurface } from './surface';

/*
 * The public surface of every node and credential, compared with the recorded one in
 * public-surface.txt. Saved workflows store node type names, versions, operation values,
 * parameter names and option values: a change there breaks them silently. See CONTRIBUTING.md,
 * "Public names are a contract".
 */

function currentSurface(): string[] {
	const nodes = [
		new MaatooContact(),
		new MaatooSegment(),
		new MaatooPointGroup(),
		new MaatooCompany(),
		new MaatooCompanySegment(),
		new MaatooPointInsight(),
		new MaatooForm(),
		new MaatooNote(),
		new MaatooTrigger(),
		new MaatooCampaign(),
		new MaatooEmail(),
		new MaatooStage(),
		new MaatooTextMessage(),
		new MaatooTag(),
		new MaatooCategory(),
		new MaatooReport(),
	];
	const lines = [
		...nodes.flatMap(nodeSurface),
		...[new MaatooApi(), new MaatooOAuth2Api()].flatMap(credentialSurface),
	];
	return [...new Set(lines)].sort();
}

const HOW_TO = `
The public surface of the nodes changed (see test/unit/publicSurface/public-surface.txt).
- Lines only ADDED (a new operation, parameter or option value): record them with
    UPDATE_PUBLIC_SURFACE=1 npx jest test/unit/publicSurface
  and commit the file.
- Lines REMOVED or CHANGED (a renamed operation value, parameter name, option value, type or
  default): saved workflows would break. Do not rename in place: add a node version instead
  (description.version = [1, 2], defaultVersion 2, behaviour gated on this.getNode().typeVersion),
  keep version 1's names working, then record the surface. See CONTRIBUTING.md.`;

test('node type names, versions, operations, parameters, option values and defaults are unchanged', () => {
	const current = currentSurface();
	const recorded = recordedSurface(current);
	const removed = recorded.filter((line) => !current.includes(line));
	const added = current.filter((line) => !recorded.includes(line));
	if (removed.length || added.length) {
		throw new Error(
			[
				HOW_TO,
				'',
				...removed.map((line) => `  - removed: ${line}`),
				...added.map((line) => `  + added:   ${line}`),
			].join('\n'),
		);
	}
	expect(current.length).toBeGreaterThan(200);
});
