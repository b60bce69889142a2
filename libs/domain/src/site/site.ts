export const HOP_ROLES = ['cdn', 'load_balancer', 'reverse_proxy', 'app', 'other'] as const;
export type HopRole = (typeof HOP_ROLES)[number];

export const HTTP_METHODS = ['GET', 'HEAD'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The entry is itself a target, named `entry`; DNS checks are named `dns:<resolver>`. */
export const ENTRY_TARGET = 'entry';
export const DNS_TARGET_PREFIX = 'dns:';

export const SITE_LIMITS = {
  intervalSeconds: { min: 5, max: 86_400, default: 60 },
  timeoutMs: { min: 100, max: 60_000, default: 10_000 },
  confirmations: { min: 1, max: 20, default: 2 },
  recoveries: { min: 1, max: 20, default: 2 },
  maxHops: 10,
  maxResolvers: 5,
  maxRegions: 10,
  maxTags: 20,
} as const;

/** Per-site overrides of the detection defaults (DESIGN §4); confirmations and recoveries are site fields. */
export type SiteDetection = {
  /** Recent entry checks the 502/503/504 rate rule looks at (default 10). */
  rateWindow?: number;
  /** Share of them that opens an incident (default 0.2). */
  rateThreshold?: number;
  /** Flips in the flap window beyond which an incident flaps (default 4). */
  flapLimit?: number;
  /** The flap window in minutes (default 60). */
  flapWindowMinutes?: number;
};

export const DETECTION_LIMITS = {
  rateWindow: { min: 2, max: 100 },
  rateThreshold: { min: 0.05, max: 1 },
  flapLimit: { min: 1, max: 100 },
  flapWindowMinutes: { min: 5, max: 1440 },
} as const;

export const DEFAULT_EXPECT_STATUS = '200-399';
export const DEFAULT_REGION = 'default';
