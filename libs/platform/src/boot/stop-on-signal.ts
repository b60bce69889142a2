// SIGTERM/SIGINT stop the process within a bounded time whatever is down. Closing the application lets queue
// workers finish their in-flight jobs; when a dependency is unreachable the close can hang, so a timer ends the
// process anyway, and the jobs it still held return to the queue when their locks lapse.
import { describeCause } from './service-unreachable.error';

type Closable = { close(): Promise<unknown> };

export type SignalStop = {
  /** The application to close on a signal; a signal before this exits at once (nothing is in flight yet). */
  attach(app: Closable): void;
};

export function stopOnSignal(role: string, timeoutMs: number): SignalStop {
  let app: Closable | null = null;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const startedAt = Date.now();
    const finish = (how: string, code: number): void => {
      process.stdout.write(`hopwatch ${role}: ${signal} received, ${how} after ${Date.now() - startedAt} ms\n`);
      process.exit(code);
    };
    if (!app) return finish('stopped before start-up finished', 0);
    setTimeout(() => finish(`gave up waiting for in-flight work (HOPWATCH_SHUTDOWN_TIMEOUT_MS) and exited`, 1), timeoutMs);
    app.close().then(
      () => finish('stopped cleanly', 0),
      (error: unknown) => finish(`stopped with an error (${describeCause(error)})`, 1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { attach: (closable) => (app = closable) };
}
