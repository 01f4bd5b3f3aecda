import { companyFields } from '../support/companyRun';
import { RUN_TAG } from './backends';
import { byId, runOn } from './nodeRun';
import { onEachBackend } from './suite';

onEachBackend('nodes', 'measure', ({ backend, check, name }) => {
	check('upsert 400 companies twice', async () => {
		if (name !== 'real') return;
		const items = Array.from({ length: 400 }, (_, i) => ({ name: `Measure ${RUN_TAG} ${i}` }));
		const log = () => require('fs').readFileSync('/tmp/real-mautic/requests.log', 'utf8').split('\n').length; // eslint-disable-line
		for (const round of ['new', 'existing']) {
			const before = log();
			const started = Date.now();
			const out = await runOn(backend(), 'maatooCompany', { operation: 'upsert', fields: companyFields({ companyname: '={{ $json.name }}', companycity: round }) }, { items });
			console.log(round, out.json.length, 'requests', log() - before, 'ms', Date.now() - started, out.json.filter((r) => r.error).length);
			if (round === 'existing') {
				await runOn(backend(), 'maatooCompany', { operation: 'delete', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, { items: out.json.map((r) => ({ id: String(r.id) })) });
			}
		}
		void byId;
	}, { timeout: 600_000 });
});
