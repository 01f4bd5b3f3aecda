/**
 * Mautic answers lists as objects keyed by id (`{"contacts":{"42":{…},"7":{…}}}`) in the order it
 * sorted them. JSON.parse reorders integer-like keys ascending, which silently breaks `orderBy`
 * and Mautic's default "last active first". This scanner reads the raw text once and returns the
 * keys of one top-level property's object in the order the server wrote them.
 */
export function topLevelObjectKeys(rawJson: string, property: string): string[] | undefined {
	const scanner = new JsonScanner(rawJson);
	scanner.skipWhitespace();
	if (scanner.peek() !== '{') return undefined;
	scanner.index++;
	while (true) {
		scanner.skipWhitespace();
		if (scanner.peek() === '}') return undefined;
		const key = scanner.readString();
		scanner.skipWhitespace();
		scanner.expect(':');
		scanner.skipWhitespace();
		if (key === property) {
			return scanner.peek() === '{' ? scanner.readObjectKeys() : undefined;
		}
		scanner.skipValue();
		scanner.skipWhitespace();
		if (scanner.peek() === ',') scanner.index++;
		else return undefined;
	}
}

class JsonScanner {
	index = 0;

	constructor(private readonly text: string) {}

	peek(): string {
		return this.text[this.index];
	}

	expect(char: string): void {
		if (this.text[this.index] !== char) throw new Error(`Malformed JSON at ${this.index}`);
		this.index++;
	}

	skipWhitespace(): void {
		while (this.index < this.text.length && ' \t\n\r'.includes(this.text[this.index])) this.index++;
	}

	readString(): string {
		const start = this.index;
		this.skipString();
		return JSON.parse(this.text.slice(start, this.index)) as string;
	}

	skipString(): void {
		this.expect('"');
		while (this.index < this.text.length) {
			const char = this.text[this.index++];
			if (char === '\\') this.index++;
			else if (char === '"') return;
		}
		throw new Error('Unterminated JSON string');
	}

	/** Skips any value; strings are skipped whole so brackets inside them do not count. */
	skipValue(): void {
		const first = this.peek();
		if (first === '"') {
			this.skipString();
			return;
		}
		if (first === '{' || first === '[') {
			let depth = 0;
			while (this.index < this.text.length) {
				const char = this.text[this.index];
				if (char === '"') {
					this.skipString();
					continue;
				}
				this.index++;
				if (char === '{' || char === '[') depth++;
				else if (char === '}' || char === ']') {
					depth--;
					if (depth === 0) return;
				}
			}
			throw new Error('Unexpected end of JSON');
		}
		while (this.index < this.text.length && !',}] \t\n\r'.includes(this.text[this.index])) {
			this.index++;
		}
	}

	readObjectKeys(): string[] {
		const keys: string[] = [];
		this.expect('{');
		while (true) {
			this.skipWhitespace();
			if (this.peek() === '}') return keys;
			keys.push(this.readString());
			this.skipWhitespace();
			this.expect(':');
			this.skipWhitespace();
			this.skipValue();
			this.skipWhitespace();
			if (this.peek() === ',') this.index++;
			else if (this.peek() === '}') return keys;
			else throw new Error(`Malformed JSON at ${this.index}`);
		}
	}
}
