// @ts-check
'use strict';

/**
 * Jest reporter: after a run, counts the checks test/contract/suite.ts declared per kind and
 * backend (titles `contract [real] …`, `nodes [fake] …`) and lists why checks were skipped
 * (their titles end in `(skipped: <reason>)`). Prints nothing when no such check ran.
 */
class ContractSummaryReporter {
	/** @param {unknown} _globalConfig @param {unknown} _options */
	constructor(_globalConfig, _options) {}

	/** @param {unknown} _contexts @param {{ testResults: Array<{ testResults: Array<{ ancestorTitles: string[], title: string, status: string }> }> }} results */
	onRunComplete(_contexts, results) {
		/** @type {Map<string, { passed: number, failed: number, skipped: number, reasons: Map<string, number> }>} */
		const rows = new Map();
		for (const file of results.testResults) {
			for (const test of file.testResults) {
				const match = /^(contract|nodes) \[(fake|real)\]/.exec(test.ancestorTitles[0] ?? '');
				if (!match) continue;
				const key = `${match[1]} checks on the ${match[2]} backend`;
				const row = rows.get(key) ?? { passed: 0, failed: 0, skipped: 0, reasons: new Map() };
				rows.set(key, row);
				if (test.status === 'passed') row.passed++;
				else if (test.status === 'failed') row.failed++;
				else {
					row.skipped++;
					const reason = /\(skipped: (.*)\)$/.exec(test.title)?.[1] ?? 'skipped by a filter (-t)';
					row.reasons.set(reason, (row.reasons.get(reason) ?? 0) + 1);
				}
			}
		}
		if (!rows.size) return;
		const lines = ['', 'Contract summary (fake Mautic vs real Mautic):'];
		for (const [key, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
			lines.push(
				`  ${key}: ${row.passed + row.failed} ran (${row.passed} passed, ${row.failed} failed), ${row.skipped} skipped`,
			);
			for (const [reason, count] of row.reasons) lines.push(`    ${count} skipped: ${reason}`);
		}
		process.stdout.write(`${lines.join('\n')}\n\n`);
	}
}

module.exports = ContractSummaryReporter;
