// The fault suite's alert checker: compares the notices a run had to deliver on each channel with what the
// receivers accepted. A retry carries the same delivery id (webhook-id, Message-ID), so a receiver that drops
// repeats by id sees it once; a second id for the same notice is an alert told twice.

/** One incident event whose outcome was a notice, on one channel; `deliveryId` null when no delivery row exists. */
export type ExpectedAlert = { eventId: string; incidentId: string; notice: string; channelId: string; deliveryId: string | null };

/** One message a receiver accepted: the channel it arrived on and the delivery id it carried. */
export type ReceivedAlert = { channelId: string; deliveryId: string };

export type AlertLedger = {
  /** Notices × channels the run had to deliver. */
  expected: number;
  /** Of those, the ones a receiver accepted (at least once). */
  delivered: number;
  /** Expected ones no receiver accepted. */
  lost: number;
  /** Extra distinct deliveries of one notice on one channel, plus accepted messages no expected notice accounts for. */
  doubled: number;
  /** Repeats of a delivery id already accepted (a retry the receiver can drop by id): not an alert told twice. */
  resent: number;
};

/** Opened, flapping and resolved are told once per incident; each update is its own notice. */
function noticeKey(alert: ExpectedAlert): string {
  const notice = alert.notice === 'updated' ? `updated:${alert.eventId}` : alert.notice;
  return `${alert.channelId}|${alert.incidentId}|${notice}`;
}

export function alertLedger(expected: ExpectedAlert[], received: ReceivedAlert[]): AlertLedger {
  const acceptedTimes = new Map<string, number>();
  for (const alert of received) {
    const key = `${alert.channelId}|${alert.deliveryId}`;
    acceptedTimes.set(key, (acceptedTimes.get(key) ?? 0) + 1);
  }
  const ledger: AlertLedger = { expected: expected.length, delivered: 0, lost: 0, doubled: 0, resent: 0 };
  const accounted = new Set<string>();
  const deliveredPerNotice = new Map<string, number>();
  for (const alert of expected) {
    const key = `${alert.channelId}|${alert.deliveryId}`;
    const times = alert.deliveryId === null ? 0 : (acceptedTimes.get(key) ?? 0);
    if (times === 0) {
      ledger.lost++;
      continue;
    }
    accounted.add(key);
    ledger.delivered++;
    ledger.resent += times - 1;
    deliveredPerNotice.set(noticeKey(alert), (deliveredPerNotice.get(noticeKey(alert)) ?? 0) + 1);
  }
  for (const count of deliveredPerNotice.values()) ledger.doubled += count - 1;
  for (const key of acceptedTimes.keys()) if (!accounted.has(key)) ledger.doubled++;
  return ledger;
}
