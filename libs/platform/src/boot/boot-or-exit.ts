import { ConfigError } from '../config/load-config';
import { PortUnavailableError } from './port-unavailable.error';
import { ServiceUnreachableError } from './service-unreachable.error';

/** Runs a process's start-up; a known boot failure ends it with one readable line instead of a stack trace. */
export function bootOrExit(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ServiceUnreachableError || error instanceof ConfigError || error instanceof PortUnavailableError) {
      process.stderr.write(`hopwatch: ${error.message}\n`);
    } else {
      process.stderr.write(`hopwatch: failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  });
}
