// One timer bounds a whole probe (DNS, connect, TLS, every redirect, body): when it fires, whatever is
// in flight is torn down and the probe reports ETIMEDOUT.
import { ProbeFailure } from './probe-failure';

export type Deadline = {
  readonly signal: AbortSignal;
  dispose(): void;
};

export function startDeadline(timeoutMs: number, what = 'no complete answer'): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new ProbeFailure('ETIMEDOUT', `${what} within ${timeoutMs} ms`));
  }, timeoutMs);
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}

/**
 * Settles with `work`, or rejects with the signal's reason once it aborts; `onAbort` releases what the
 * work holds (destroys a socket) so nothing keeps running after the probe ends. A DNS query on a shared
 * channel cannot be released alone and is left to its own timeout (see resolver-channels).
 */
export function untilAborted<T>(signal: AbortSignal, work: Promise<T>, onAbort: () => void): Promise<T> {
  if (signal.aborted) {
    onAbort();
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
