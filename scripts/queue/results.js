// @ts-check
/** The checks of the queue-mode run and the table printed at the end. */

class Results {
	constructor() {
		/** @type {Array<{ section: string, check: string, expected: string, actual: string, ok: boolean, info?: boolean }>} */
		this.rows = [];
		this.section = '';
		/** Set when the run is interrupted: checks are still recorded, no longer printed. */
		this.quiet = false;
	}

	/** @param {string} section */
	begin(section) {
		this.section = section;
	}

	/**
	 * Records one check; `expected` and `actual` are compared as strings unless `ok` is given.
	 * @param {string} check @param {unknown} expected @param {unknown} actual @param {boolean} [ok]
	 */
	check(check, expected, actual, ok) {
		const row = {
			section: this.section,
			check,
			expected: String(expected),
			actual: String(actual),
			ok: ok ?? String(expected) === String(actual),
		};
		this.rows.push(row);
		if (!this.quiet)
			process.stdout.write(
				`  ${row.ok ? 'ok  ' : 'FAIL'} ${check}: ${row.actual}${row.ok ? '' : ` (expected ${row.expected})`}\n`,
			);
		return row.ok;
	}

	/** A measurement shown in the table, not a check. @param {string} name @param {unknown} value */
	info(name, value) {
		this.rows.push({
			section: this.section,
			check: name,
			expected: '',
			actual: String(value),
			ok: true,
			info: true,
		});
		if (!this.quiet) process.stdout.write(`  info ${name}: ${value}\n`);
	}

	/** A step that threw before its checks could run. @param {string} step @param {unknown} error */
	failure(step, error) {
		const message = error instanceof Error ? error.message : String(error);
		return this.check(step, 'completes', `error: ${message.split('\n')[0].slice(0, 160)}`, false);
	}

	get failed() {
		return this.rows.filter((row) => !row.ok).length;
	}

	/** A Markdown table of every check. */
	table() {
		const escape = (/** @type {string} */ text) => text.replace(/\|/g, '\\|');
		const lines = ['| phase | check | expected | actual | result |', '|---|---|---|---|---|'];
		for (const row of this.rows) {
			lines.push(
				`| ${escape(row.section)} | ${escape(row.check)} | ${escape(row.expected)} | ${escape(row.actual)} | ${row.info ? 'info' : row.ok ? 'ok' : '**FAIL**'} |`,
			);
		}
		return lines.join('\n');
	}
}

module.exports = { Results };
