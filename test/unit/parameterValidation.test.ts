import type { INodeProperties, INodeType } from 'n8n-workflow';
import { MaatooContact } from '../../nodes/MaatooContact/MaatooContact.node';
import { MaatooPointGroup } from '../../nodes/MaatooPointGroup/MaatooPointGroup.node';
import { MaatooPointInsight } from '../../nodes/MaatooPointInsight/MaatooPointInsight.node';
import { MaatooSegment } from '../../nodes/MaatooSegment/MaatooSegment.node';
import { MaatooTrigger } from '../../nodes/MaatooTrigger/MaatooTrigger.node';

/** Every property, nested collection and fixedCollection members included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option && Array.isArray(option.values)) return allProperties(option.values);
			if ('displayName' in option && 'type' in option)
				return allProperties([option as INodeProperties]);
			return [];
		});
		return [property, ...nested];
	});
}

describe('parameters read through itemParameter', () => {
	// itemParameter reads `{{ $json.x }}` itself and evaluates other expressions leaf by leaf, so
	// n8n's validateType conversion of a whole parameter would not apply: none may declare one.
	test.each([
		['Contact', new MaatooContact()],
		['Segment', new MaatooSegment()],
		['Point Group', new MaatooPointGroup()],
		['Point Insight', new MaatooPointInsight()],
		['Trigger', new MaatooTrigger()],
	] as Array<[string, INodeType]>)('no %s parameter relies on validateType', (_name, node) => {
		const properties = allProperties(node.description.properties);
		expect(properties.length).toBeGreaterThan(3);
		expect(
			properties
				.filter((property) => property.validateType !== undefined)
				.map((property) => property.name),
		).toEqual([]);
	});
});
