// A healthy check asks whether its site has an open incident, and nearly always hears no. Asked one by one
// that is a round trip per check; the checks that ask within the same few milliseconds share one query.
import { AnalysisRepository } from '@hopwatch/db';

const GATHER_MS = 5;

type Waiting = { siteId: string; answer: (open: boolean) => void; fail: (error: Error) => void };

export class OpenIncidentLookup {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly analysis: Pick<AnalysisRepository, 'withOpenIncident'>) {}

  has(siteId: string): Promise<boolean> {
    return new Promise((answer, fail) => {
      this.waiting.push({ siteId, answer, fail });
      this.timer ??= setTimeout(() => void this.ask(), GATHER_MS);
    });
  }

  private async ask(): Promise<void> {
    const asking = this.waiting;
    this.waiting = [];
    this.timer = null;
    try {
      const open = await this.analysis.withOpenIncident([...new Set(asking.map((one) => one.siteId))]);
      for (const one of asking) one.answer(open.has(one.siteId));
    } catch (error) {
      for (const one of asking) one.fail(error as Error);
    }
  }
}
