import type { Logger as WorkflowLogger, LogMetadata } from 'n8n-workflow';
import { printLog } from './runtime';

export type HarnessLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface HarnessLogEntry {
	level: HarnessLogLevel;
	message: string;
	meta?: LogMetadata;
}

/**
 * Stands in for @n8n/backend-common's Logger (n8n-core gets it from the Container) and for
 * n8n-workflow's LoggerProxy. Silent: entries go to the runs currently executing (each
 * runWorkflow result carries its `logs`) and are printed only when N8N_HARNESS_LOG is set.
 */
export class HarnessLogger implements WorkflowLogger {
	private readonly sinks = new Set<HarnessLogEntry[]>();

	/** Collects entries into `sink` until the returned function is called. */
	capture(sink: HarnessLogEntry[]): () => void {
		this.sinks.add(sink);
		return () => this.sinks.delete(sink);
	}

	scoped(): this {
		return this;
	}

	error(message: string, meta?: LogMetadata): void {
		this.log('error', message, meta);
	}

	warn(message: string, meta?: LogMetadata): void {
		this.log('warn', message, meta);
	}

	info(message: string, meta?: LogMetadata): void {
		this.log('info', message, meta);
	}

	debug(message: string, meta?: LogMetadata): void {
		this.log('debug', message, meta);
	}

	private log(level: HarnessLogLevel, message: string, meta?: LogMetadata): void {
		for (const sink of this.sinks) sink.push({ level, message, meta });
		printLog(level, message, meta);
	}
}
