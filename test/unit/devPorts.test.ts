import { startFakeMautic } from '../fake-mautic';
import { PortError, choosePort, chooseSandboxPorts, isPortFree } from '../../scripts/lib/ports';

/** `npm run dev` must never stop with a bare EADDRINUSE (issue 19). */
describe('npm run dev port choice', () => {
	const busy = (ports: number[]) => async (port: number) => !ports.includes(port);

	test('defaults when they are free, no note', async () => {
		const chosen = await chooseSandboxPorts({ env: {}, isFree: busy([]) });
		expect(chosen).toEqual({ mauticPort: 8090, n8nPort: 5678, brokerPort: 5679, notes: [] });
	});

	test('a busy default port is replaced by the next free one, and a line says which and how to choose', async () => {
		const chosen = await chooseSandboxPorts({ env: {}, isFree: busy([8090, 5678, 5679, 5680]) });
		expect(chosen.mauticPort).toBe(8091);
		expect(chosen.n8nPort).toBe(5681);
		expect(chosen.brokerPort).toBe(5682);
		expect(chosen.notes).toEqual([
			'Port 8090 is in use by another program; the sandbox Mautic uses 8091 instead (set MAATOO_SANDBOX_PORT to choose).',
			'Port 5678 is in use by another program; n8n uses 5681 instead (set N8N_PORT to choose).',
		]);
	});

	test('a port set through its variable is used as given', async () => {
		const chosen = await chooseSandboxPorts({
			env: { MAATOO_SANDBOX_PORT: '9000', N8N_PORT: '6000', N8N_RUNNERS_BROKER_PORT: '6100' },
			isFree: busy([8090, 5678]),
		});
		expect(chosen).toEqual({ mauticPort: 9000, n8nPort: 6000, brokerPort: 6100, notes: [] });
	});

	test('a busy port set through its variable stops the run with one line naming the port and the variable', async () => {
		const attempt = chooseSandboxPorts({
			env: { MAATOO_SANDBOX_PORT: '8090' },
			isFree: busy([8090]),
		});
		await expect(attempt).rejects.toThrow(PortError);
		await expect(attempt).rejects.toThrow(
			'Port 8090 (the sandbox Mautic, set by MAATOO_SANDBOX_PORT) is in use by another program: set MAATOO_SANDBOX_PORT to a free port, or unset it to let npm run dev pick one.',
		);
	});

	test('n8n never gets the sandbox port, nor the broker n8n’s port', async () => {
		const chosen = await chooseSandboxPorts({
			env: { MAATOO_SANDBOX_PORT: '5678' },
			isFree: busy([]),
		});
		expect(chosen.mauticPort).toBe(5678);
		expect(chosen.n8nPort).toBe(5679);
		expect(chosen.brokerPort).toBe(5680);
		await expect(
			chooseSandboxPorts({
				env: { MAATOO_SANDBOX_PORT: '7000', N8N_PORT: '7000' },
				isFree: busy([]),
			}),
		).rejects.toThrow('N8N_PORT');
	});

	test('a value that is not a port is refused in one line', async () => {
		await expect(
			choosePort({
				label: 'n8n',
				variable: 'N8N_PORT',
				defaultPort: 5678,
				env: { N8N_PORT: 'abc' },
			}),
		).rejects.toThrow('N8N_PORT=abc is not a port number (1 to 65535).');
	});

	test('against a real listener: the port another server holds is seen as busy and skipped', async () => {
		const other = await startFakeMautic({});
		try {
			expect(await isPortFree(other.port)).toBe(false);
			const chosen = await choosePort({
				label: 'the sandbox Mautic',
				variable: 'MAATOO_SANDBOX_PORT',
				defaultPort: other.port,
				env: {},
			});
			expect(chosen.port).not.toBe(other.port);
			expect(chosen.note).toContain(`Port ${other.port} is in use by another program`);
			await expect(
				choosePort({
					label: 'the sandbox Mautic',
					variable: 'MAATOO_SANDBOX_PORT',
					defaultPort: 8090,
					env: { MAATOO_SANDBOX_PORT: String(other.port) },
				}),
			).rejects.toThrow(
				`Port ${other.port} (the sandbox Mautic, set by MAATOO_SANDBOX_PORT) is in use`,
			);
		} finally {
			await other.close();
		}
		expect(await isPortFree(other.port)).toBe(true);
	});
});
