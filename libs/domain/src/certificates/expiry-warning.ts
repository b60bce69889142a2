// Certificate expiry warnings: a notice when a checked certificate comes within a configured number of
// days of its end, once per threshold and certificate (a renewed certificate starts afresh).

export const DEFAULT_CERTIFICATE_WARNING_DAYS = [21, 7, 1] as const;

const DAY_MS = 86_400_000;

export type ExpiryWarning = {
  /** The threshold to announce: the tightest one now crossed that was not announced before. */
  thresholdDays: number;
  daysLeft: number;
  /** Every threshold now crossed: recorded so that none of them is announced again for this certificate. */
  crossed: number[];
};

/**
 * Null when nothing new is crossed, or when the certificate has already expired (the probe then fails with
 * CERT_HAS_EXPIRED and the TLS-failure incident says so). `warned`: thresholds already recorded for it.
 */
export function expiryWarning(validTo: Date, thresholdsDays: readonly number[], warned: readonly number[], now: Date): ExpiryWarning | null {
  const daysLeft = (validTo.getTime() - now.getTime()) / DAY_MS;
  if (daysLeft <= 0) return null;
  const crossed = thresholdsDays.filter((threshold) => daysLeft < threshold).sort((a, b) => a - b);
  const fresh = crossed.filter((threshold) => !warned.includes(threshold));
  if (fresh.length === 0) return null;
  return { thresholdDays: fresh[0], daysLeft: Math.round(daysLeft * 10) / 10, crossed };
}

/** The largest threshold: certificates further from their end than this need no look at past warnings. */
export function warningHorizonMs(thresholdsDays: readonly number[]): number {
  return Math.max(0, ...thresholdsDays) * DAY_MS;
}
