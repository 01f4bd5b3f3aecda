import { Workflow, type INodeType } from 'n8n-workflow';
import { MaatooCampaign } from '../../nodes/MaatooCampaign/MaatooCampaign.node';
import { MaatooCompany } from '../../nodes/MaatooCompany/MaatooCompany.node';
import { MaatooCompanySegment } from '../../nodes/MaatooCompanySegment/MaatooCompanySegment.node';
import { MaatooContact } from '../../nodes/MaatooContact/MaatooContact.node';
import { MaatooEmail } from '../../nodes/MaatooEmail/MaatooEmail.node';
import { MaatooForm } from '../../nodes/MaatooForm/MaatooForm.node';
import { MaatooNote } from '../../nodes/MaatooNote/MaatooNote.node';
import { MaatooSegment } from '../../nodes/MaatooSegment/MaatooSegment.node';
import { MaatooStage } from '../../nodes/MaatooStage/MaatooStage.node';
import { MaatooTextMessage } from '../../nodes/MaatooTextMessage/MaatooTextMessage.node';
import { MaatooTag } from '../../nodes/MaatooTag/MaatooTag.node';
import { MaatooCategory } from '../../nodes/MaatooCategory/MaatooCategory.node';
import { MaatooReport } from '../../nodes/MaatooReport/MaatooReport.node';
import { HarnessNodeTypes } from '../harness/node-types';
import { ensureN8nRuntime } from '../harness/setup';

/** The subtitle as n8n's own expression engine renders it for a node with this operation. */
function subtitleOf(nodeType: INodeType, operation: string): unknown {
	ensureN8nRuntime();
	const type = `n8n-nodes-maatoo.${nodeType.description.name}`;
	const workflow = new Workflow({
		nodes: [
			{ id: 'n', name: 'Node', type, typeVersion: 1, position: [0, 0], parameters: { operation } },
		],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes({ [type]: nodeType }),
	});
	return workflow.expression.getSimpleParameterValue(
		workflow.getNode('Node')!,
		nodeType.description.subtitle as string,
		'internal',
		{},
	);
}

describe('node subtitle', () => {
	test.each([
		[new MaatooContact(), 'upsert', 'Create or Update'],
		[new MaatooContact(), 'getAllActivity', 'Get Activity of All Contacts'],
		[new MaatooSegment(), 'addContacts', 'Add Contacts'],
		[new MaatooCampaign(), 'getContacts', 'Get Contacts'],
		[new MaatooEmail(), 'sendToContact', 'Send to Contact'],
		[new MaatooEmail(), 'replace', 'Create or Replace'],
		[new MaatooForm(), 'getContactSubmissions', 'Get Submissions of a Contact'],
		[new MaatooNote(), 'getAll', 'Get Many'],
		[new MaatooCompany(), 'addContact', 'Add Contact'],
		[new MaatooCompany(), 'replace', 'Create or Replace'],
		[new MaatooCompanySegment(), 'addCompanies', 'Add Companies'],
		[new MaatooContact(), 'changeStage', 'Change Stage'],
		[new MaatooStage(), 'removeContact', 'Remove Contact'],
		[new MaatooTextMessage(), 'sendToContact', 'Send to Contact'],
		[new MaatooTag(), 'update', 'Update'],
		[new MaatooCategory(), 'getAll', 'Get Many'],
		[new MaatooReport(), 'run', 'Run Report'],
		[new MaatooReport(), 'getStats', 'Get Stats'],
	])('shows the operation name, not its stored value (%#)', (node, operation, name) => {
		expect(subtitleOf(node, operation)).toBe(name);
	});

	test('an unknown value (a newer workflow) is shown as it is', () => {
		expect(subtitleOf(new MaatooContact(), 'mystery')).toBe('mystery');
	});
});
