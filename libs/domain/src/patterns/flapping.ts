// Open/resolve flips inside the flap window; more than the limit means the incident is flapping (DESIGN §4).
export function flipsWithin(flips: readonly Date[], now: Date, windowMs: number): Date[] {
  const since = now.getTime() - windowMs;
  return flips.filter((flip) => flip.getTime() > since && flip.getTime() <= now.getTime());
}

export function isFlapping(flips: readonly Date[], now: Date, options: { flapLimit: number; flapWindowMs: number }): boolean {
  return flipsWithin(flips, now, options.flapWindowMs).length > options.flapLimit;
}
