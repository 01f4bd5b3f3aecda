// @ts-check
/**
 * Redis and PostgreSQL for the queue-mode run: Debian's packages (installed with apt-get when
 * missing), each started as its own user on loopback, on its own port, with its data under the
 * run's temporary folder. Nothing here touches a system-wide instance or its data.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const PG_ROOT = '/usr/lib/postgresql';
/** Loopback only, and gone with the temporary folder: a fixed password is fine. */
const DB = { name: 'n8n', user: 'n8n', password: 'maatoo-queue-db-password' };

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} command */
function hasCommand(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Highest installed PostgreSQL major version that has initdb, e.g. "15". */
function postgresVersion() {
	if (!fs.existsSync(PG_ROOT)) return undefined;
	return fs
		.readdirSync(PG_ROOT)
		.filter((version) => fs.existsSync(path.join(PG_ROOT, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a))[0];
}

/**
 * Installs redis-server and postgresql with apt-get when they are missing (`apt-get update` once
 * first). Debian's packages may try to start their system services: in containers policy-rc.d
 * usually prevents that; either way this run uses its own instances and ports.
 * @param {(line: string) => void} log
 */
function ensurePackages(log) {
	const missing = [];
	if (!hasCommand('redis-server')) missing.push('redis-server');
	if (!postgresVersion()) missing.push('postgresql');
	if (missing.length === 0) return;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error(
			`${missing.join(' and ')} missing; run as root (apt-get install -y ${missing.join(' ')}) or install them first`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	log(`Installing ${missing.join(', ')} with apt-get…`);
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
		if (result.status !== 0)
			throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
	}
	if (!hasCommand('redis-server') || !postgresVersion())
		throw new Error('apt-get finished but redis-server or postgresql is still missing');
}

/** @param {string} name @returns {{ uid: number, gid: number } | undefined} */
function account(name) {
	const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
	if (result.status !== 0) return undefined;
	const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
	return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A folder owned by `user` (when given) inside the run's folder.
 * @param {string} dir @param {{ uid: number, gid: number } | undefined} user
 */
function ownedDir(dir, user) {
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	if (user) fs.chownSync(dir, user.uid, user.gid);
	return dir;
}

/**
 * A running service: its process (the server itself, so its PID is the one to stop) and how to
 * stop it.
 * @typedef {{ name: string, port: number, child: import('node:child_process').ChildProcess, logFile: string, stopSignal: NodeJS.Signals }} Service
 */

/**
 * @param {string} name @param {string} command @param {string[]} args
 * @param {{ logFile: string, user?: { uid: number, gid: number }, cwd: string }} options
 */
function spawnService(name, command, args, options) {
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		stdio: ['ignore', log, log],
		env: { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: options.cwd },
		...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
	});
	fs.closeSync(log);
	child.on('error', (error) =>
		fs.appendFileSync(options.logFile, `\n[${name}] spawn error: ${error.message}\n`),
	);
	return child;
}

/**
 * Waits until `probe` succeeds; a service that does not get there is stopped before this throws.
 * @param {Service} service @param {() => Promise<boolean>} probe @param {number} timeoutMs
 */
async function waitUntilReady(service, probe, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (service.child.exitCode !== null || service.child.signalCode !== null) {
			throw new Error(
				`${service.name} exited early; see ${service.logFile}:\n${tail(service.logFile)}`,
			);
		}
		if (await probe()) return;
		await pause(200);
	}
	await stopService(service);
	throw new Error(
		`${service.name} did not become ready within ${timeoutMs / 1000} s; see ${service.logFile}`,
	);
}

/** @param {string} file */
function tail(file, chars = 2000) {
	try {
		return fs.readFileSync(file, 'utf8').slice(-chars);
	} catch {
		return '';
	}
}

/** Redis answers PING with +PONG. @param {number} port */
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		const done = (/** @type {boolean} */ ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString('utf8');
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/**
 * redis-server on 127.0.0.1:<port>, no persistence, run as the `redis` user when it exists.
 * @param {{ dir: string, port: number }} options
 * @returns {Promise<Service>}
 */
async function startRedis({ dir, port }) {
	const user = account('redis');
	const dataDir = ownedDir(path.join(dir, 'redis'), user);
	const logFile = path.join(dir, 'redis.log');
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--protected-mode',
		'yes',
		'--dir',
		dataDir,
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
	];
	const child = spawnService('redis', 'redis-server', args, { logFile, user, cwd: dataDir });
	/** @type {Service} */
	const service = { name: 'redis', port, child, logFile, stopSignal: 'SIGTERM' };
	await waitUntilReady(service, () => redisPing(port), 20_000);
	return service;
}

/**
 * A one-shot PostgreSQL client program run as the `postgres` user (postgres refuses root).
 * @param {string} bin @param {string} program @param {string[]} args @param {string} cwd
 */
function asPostgres(bin, program, args, cwd) {
	const result = spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], {
		cwd,
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new Error(
			`${program} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`,
		);
	return result.stdout;
}

/**
 * A fresh PostgreSQL cluster (initdb) under `dir`, started as `postgres` on 127.0.0.1:<port> with
 * its socket in the same folder, and a database and password-protected role for n8n.
 * Durability settings are off: the data lives for one run.
 * @param {{ dir: string, port: number }} options
 * @returns {Promise<Service & { bin: string, version: string, db: typeof DB, query: (sql: string) => string[][] }>}
 */
async function startPostgres({ dir, port }) {
	const version = postgresVersion();
	if (!version) throw new Error('postgresql is not installed');
	const bin = path.join(PG_ROOT, version, 'bin');
	const user = account('postgres');
	if (!user)
		throw new Error('the postgres user does not exist (is the postgresql package installed?)');
	const pgDir = ownedDir(path.join(dir, 'postgres'), user);
	const dataDir = path.join(pgDir, 'data');
	asPostgres(
		bin,
		'initdb',
		[
			'-D',
			dataDir,
			'-U',
			'postgres',
			'-E',
			'UTF8',
			'--locale=C',
			'--auth-local=trust',
			'--auth-host=scram-sha-256',
		],
		pgDir,
	);
	const logFile = path.join(dir, 'postgres.log');
	const settings = {
		listen_addresses: '127.0.0.1',
		unix_socket_directories: pgDir,
		max_connections: '100',
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
	};
	const args = [
		'-D',
		dataDir,
		'-p',
		String(port),
		...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
	];
	const child = spawnService('postgres', path.join(bin, 'postgres'), args, {
		logFile,
		user,
		cwd: pgDir,
	});
	/** @type {Service} */
	const service = { name: 'postgres', port, child, logFile, stopSignal: 'SIGINT' }; // SIGINT: fast shutdown
	const ready = () =>
		spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'])
			.status === 0;
	await waitUntilReady(service, async () => ready(), 30_000);

	const local = ['-h', pgDir, '-p', String(port), '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q'];
	try {
		asPostgres(
			bin,
			'psql',
			[...local, '-c', `CREATE ROLE ${DB.user} LOGIN PASSWORD '${DB.password}'`],
			pgDir,
		);
		asPostgres(bin, 'psql', [...local, '-c', `CREATE DATABASE ${DB.name} OWNER ${DB.user}`], pgDir);
	} catch (error) {
		await stopService(service);
		throw error;
	}

	/** Runs SQL as n8n's role over TCP; returns rows of text columns. @param {string} sql */
	const query = (sql) => {
		const result = spawnSync(
			path.join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				DB.user,
				'-d',
				DB.name,
				'-v',
				'ON_ERROR_STOP=1',
				'-At',
				'-F',
				'\t',
				'-c',
				sql,
			],
			{ encoding: 'utf8', env: { ...process.env, PGPASSWORD: DB.password } },
		);
		if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
		return result.stdout
			.split('\n')
			.filter(Boolean)
			.map((line) => line.split('\t'));
	};
	return { ...service, bin, version, db: DB, query };
}

/**
 * Stops a service by its PID and waits for it to exit (SIGKILL after the timeout).
 * @param {Service} service @param {number} [timeoutMs]
 */
function stopService(service, timeoutMs = 15_000) {
	const { child } = service;
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
		child.kill(service.stopSignal);
	});
}

module.exports = { ensurePackages, startRedis, startPostgres, stopService };
