import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

/**
 * What saved workflows depend on, one line per fact: node type names and versions, credential
 * names, every parameter's path, type and default, and every option value. Display names and
 * descriptions are left out: changing them breaks no workflow.
 */
export function nodeSurface(node: INodeType): string[] {
	const { name, version, credentials } = node.description;
	const versions = Array.isArray(version) ? version : [version];
	const prefix = `${name}@${versions.join(',')}`;
	const lines = [
		`${prefix} node`,
		...(credentials ?? []).map((credential) => `${prefix} credential ${credential.name}`),
	];
	lines.push(...propertyLines(prefix, node.description.properties));
	return lines;
}

export function credentialSurface(credential: ICredentialType): string[] {
	const prefix = `credential ${credential.name}`;
	return [
		`${prefix}${credential.extends ? ` extends ${credential.extends.join(',')}` : ''}`,
		...propertyLines(prefix, credential.properties),
	];
}

/** The operations a property is shown for (`op=upsert,update`), or `op=*`: the same name can mean different things per operation. */
function scopeOf(property: INodeProperties): string {
	const operations = property.displayOptions?.show?.operation;
	return `op=${Array.isArray(operations) ? operations.join(',') : '*'}`;
}

function propertyLines(
	prefix: string,
	properties: INodeProperties[],
	path = '',
	scope?: string,
): string[] {
	const lines: string[] = [];
	for (const property of properties) {
		if (property.type === 'notice') continue;
		const at = `${scope ?? scopeOf(property)} ${path}${property.name}`;
		lines.push(
			`${prefix} param ${at} ${property.type} default=${JSON.stringify(property.default)}`,
		);
		for (const mode of property.modes ?? []) lines.push(`${prefix} param ${at} mode=${mode.name}`);
		for (const option of property.options ?? []) {
			if ('values' in option) {
				lines.push(
					...propertyLines(
						prefix,
						(option as INodePropertyCollection).values,
						`${at}.${option.name}.`,
					),
				);
			} else if ('type' in option) {
				lines.push(
					...propertyLines(
						prefix,
						[option as INodeProperties],
						`${path}${property.name}.`,
						scope ?? scopeOf(property),
					),
				);
			} else {
				lines.push(
					`${prefix} param ${at} option=${JSON.stringify((option as INodePropertyOptions).value)}`,
				);
			}
		}
	}
	return lines;
}
