import type { ProbeResult } from '@hopwatch/domain';

/** A probe result on its way into the table: the probe's observation plus where and when it belongs. */
export type NewCheckResult = ProbeResult & {
  siteId: string;
  region: string;
  /** Epoch seconds of the slot the check was scheduled for. */
  slot: number;
  gateway: string | null;
};

export type CheckResultQuery = {
  siteId: string;
  from: Date | null;
  to: Date | null;
  target: string | null;
  region: string | null;
  limit: number;
  /** Continue after this (slot, id), newest first. */
  after: { slot: Date; id: string } | null;
};
