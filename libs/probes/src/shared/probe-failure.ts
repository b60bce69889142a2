import type { ErrorCode } from '@hopwatch/domain';

/** A failure the probe itself decided on (policy, redirects, deadline, verdict); carries its final code. */
export class ProbeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProbeFailure';
  }
}
