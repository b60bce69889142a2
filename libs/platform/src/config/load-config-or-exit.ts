import { HopwatchConfig } from './config.schema';
import { ConfigError, loadConfig } from './load-config';

/** At boot a bad variable stops the process with one line that names it, never a stack trace. */
export function loadConfigOrExit(): HopwatchConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`hopwatch: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
