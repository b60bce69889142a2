// The one-word state the site list shows, from each region's newest entry check.
export const SITE_STATES = ['up', 'down', 'unknown', 'paused'] as const;
export type SiteState = (typeof SITE_STATES)[number];

/** `latestEntryOk`: one value per region with a recent entry check. Down as soon as one region fails. */
export function siteState(paused: boolean, latestEntryOk: boolean[]): SiteState {
  if (paused) return 'paused';
  if (latestEntryOk.length === 0) return 'unknown';
  return latestEntryOk.every(Boolean) ? 'up' : 'down';
}
