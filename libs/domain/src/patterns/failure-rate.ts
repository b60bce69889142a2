// How often checks failed, with a Wilson score interval: unlike the plain p ± z·√(p(1-p)/n) it stays inside 0..1
// and does not collapse to a zero-width interval at 0 of n or n of n, which is exactly where few checks leave us.

export type FailureRate = {
  failures: number;
  checks: number;
  /** failures ÷ checks, 0..1 */
  rate: number;
  /** The 95 % Wilson score interval of the true rate. */
  low: number;
  high: number;
};

const Z_95 = 1.959964;

export function failureRate(failures: number, checks: number, z = Z_95): FailureRate | null {
  if (checks <= 0 || failures < 0 || failures > checks) return null;
  const rate = failures / checks;
  const zz = z * z;
  const denominator = 1 + zz / checks;
  const centre = (rate + zz / (2 * checks)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / checks + zz / (4 * checks * checks));
  return { failures, checks, rate: round(rate), low: round(Math.max(0, centre - halfWidth)), high: round(Math.min(1, centre + halfWidth)) };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
