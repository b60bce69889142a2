import { IncidentInRange } from '@hopwatch/db';

/**
 * Where the uptime answer takes its incidents from. Bound to IncidentHistoryRepository, which answers with
 * none while the incidents table does not exist yet.
 */
export abstract class IncidentReader {
  /** Incidents of the site open at any time in [from, to) (epoch seconds). */
  abstract inRange(siteId: string, from: number, to: number): Promise<IncidentInRange[]>;
}
