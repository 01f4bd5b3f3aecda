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

	/** Jumps from one quote to the next with indexOf; a quote preceded by an odd run of backslashes is escaped. */
	skipString(): void {
		this.expect('"');
		for (;;) {
			const quote = this.text.indexOf('"', this.index);
			if (quote === -1) throw new Error('Unterminated JSON string');
			let backslashes = 0;
			while (this.text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
			this.index = quote + 1;
			if (backslashes % 2 === 0) return;
		}
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
				const char = this.text.charCodeAt(this.index);
				if (char === 34) {
					this.skipString();
					continue;
				}
				this.index++;
				if (char === 123 || char === 91) depth++;
				else if (char === 125 || char === 93) {
					if (--depth === 0) return;
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

/**
 * The keys of an id-keyed list in the order the server wrote them, given the keys JSON.parse
 * found. Fast path: one native regex pass over `"<id>": {`; it is trusted only when it finds
 * every key exactly once (a nested object keyed like a listed id would show up twice), and
 * otherwise the full scanner decides.
 */
export function keysInWrittenOrder(rawJson: string, property: string, keys: string[]): string[] {
	if (keys.length <= 1) return keys;
	const wanted = new Set(keys);
	const found: string[] = [];
	const seen = new Set<string>();
	const pattern = /"(\d+)":\s*\{/g;
	for (let match = pattern.exec(rawJson); match; match = pattern.exec(rawJson)) {
		const key = match[1];
		if (!wanted.has(key)) continue;
		if (seen.has(key)) return topLevelObjectKeys(rawJson, property) ?? keys;
		seen.add(key);
		found.push(key);
	}
	return found.length === keys.length ? found : (topLevelObjectKeys(rawJson, property) ?? keys);
}
