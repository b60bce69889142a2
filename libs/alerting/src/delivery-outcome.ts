// What one delivery attempt came to, and whether trying again could change it.
export type DeliveryOutcome =
  | { status: 'delivered'; responseStatus?: number }
  | { status: 'retry'; error: string; responseStatus?: number }
  | { status: 'failed'; error: string; responseStatus?: number };

export function delivered(responseStatus?: number): DeliveryOutcome {
  return responseStatus === undefined ? { status: 'delivered' } : { status: 'delivered', responseStatus };
}

/** A transient problem: the same attempt later may succeed. */
export function retry(error: string, responseStatus?: number): DeliveryOutcome {
  return responseStatus === undefined ? { status: 'retry', error } : { status: 'retry', error, responseStatus };
}

/** A permanent problem: retrying the same request cannot help. */
export function failed(error: string, responseStatus?: number): DeliveryOutcome {
  return responseStatus === undefined ? { status: 'failed', error } : { status: 'failed', error, responseStatus };
}

/**
 * 2xx delivered; 408, 429 and 5xx retry; other 4xx fail at once. A 3xx fails too: redirects are never
 * followed (Standard Webhooks counts them as failures) and a moved endpoint does not move back by itself.
 */
export function outcomeForHttpStatus(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return delivered(status);
  if (status === 408 || status === 429 || status >= 500) return retry(`HTTP ${status}`, status);
  if (status >= 300 && status < 400) return failed(`HTTP ${status} (redirects are not followed)`, status);
  return failed(`HTTP ${status}`, status);
}
