/** A dependency the process cannot work without is not there; the message says what to do. */
export class ServiceUnreachableError extends Error {
  constructor(service: string, address: string, cause: string, howToStart: string) {
    super(`cannot reach ${service} at ${address} (${cause}). ${howToStart}`);
  }
}

export function describeCause(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code) return code;
    if (typeof message === 'string' && message) return message.split('\n')[0];
  }
  return String(error);
}
