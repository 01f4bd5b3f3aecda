import { InstanceSettings } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import { HarnessLogger } from './logger';
import { Container, instanceKeys, Logger, n8nUserFolder, SSHClientsManager } from './runtime';

let logger: HarnessLogger | undefined;

/**
 * Registers what n8n-core pulls from its DI Container during an execution: the Logger,
 * InstanceSettings (every node execution context reads it) and a stand-in SSHClientsManager
 * (the real one holds a 60 s interval open, so jest would not exit). Everything else n8n-core
 * needs (ErrorReporter, ExecutionContextService, Cipher, SecurityConfig...) it builds itself.
 *
 * Runs once per module registry, i.e. once per jest test file; runWorkflow calls it.
 */
export function ensureN8nRuntime(): HarnessLogger {
	if (logger) return logger;
	logger = new HarnessLogger();
	Container.set(Logger, logger);
	LoggerProxy.init(logger);
	Container.set(InstanceSettings, createInstanceSettings());
	Container.set(SSHClientsManager, {
		getClient: async () => {
			throw new Error('SSH tunnels are not supported by the test harness');
		},
		updateLastUsed: () => {},
	});
	return logger;
}

/**
 * An in-memory InstanceSettings, as n8n's own unit tests use: the real constructor would read
 * and write `<N8N_USER_FOLDER>/.n8n/config`, which a test run has no use for.
 */
function createInstanceSettings(): InstanceSettings {
	const settings = Object.create(InstanceSettings.prototype) as InstanceSettings;
	Object.assign(settings, {
		n8nFolder: n8nUserFolder,
		staticCacheDir: `${n8nUserFolder}/.cache/n8n/public`,
		customExtensionDir: `${n8nUserFolder}/custom`,
		nodesDownloadDir: `${n8nUserFolder}/nodes`,
		settingsFile: `${n8nUserFolder}/config`,
		enforceSettingsFilePermissions: { isSet: false, enforce: false },
		settings: { encryptionKey: instanceKeys.encryption },
		instanceId: 'n8n-test-harness',
		hmacSignatureSecret: instanceKeys.hmacSignature,
		instanceType: 'main',
		instanceRole: 'unset',
		hostId: 'main-n8n-test-harness',
		isMultiMainEnabled: false,
		isMultiMainLicensed: false,
	});
	return settings;
}
