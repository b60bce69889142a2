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

export const DEFAULT_EXPECT_STATUS = '200-399';
export const DEFAULT_REGION = 'default';
