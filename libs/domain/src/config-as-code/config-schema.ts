// The published JSON Schema of hopwatch.yaml (served at /api/v1/schema/config.json, copied to schema/).
import { DNS_EXPECT_LIMITS, DNS_RECORD_TYPES } from '../dns/dns-expectation';
import { PUSH_LIMITS } from '../push/heartbeat';
import { BACKEND_NAME, MAX_BACKENDS } from '../site/backends';
import { DETECTION_LIMITS, HOP_ROLES, HTTP_METHODS, SITE_LIMITS } from '../site/site';
import { CONFIG_FILE_VERSION } from './config-file';

const name = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$', description: '1-63 letters, digits, ".", "_" or "-"' };
const names = { type: 'array', items: name, uniqueItems: true };
const freeName = { type: 'string', minLength: 1, maxLength: 200 };
const statusPart = '(\\d{3}(-\\d{3})?|[1-5]xx)';
const expectStatus = { type: 'string', pattern: `^${statusPart}( *, *${statusPart})*$`, description: 'e.g. "200", "200-399", "2xx", "200,301-302"' };
const range = (limits: { min: number; max: number }, integer = true) => ({ type: integer ? 'integer' : 'number', minimum: limits.min, maximum: limits.max });

/** A field that must not be there, with the reason shown to the person who wrote it. */
const refused = (reason: string) => ({ not: {}, 'x-refusal': reason });

const backend = {
  type: 'object',
  additionalProperties: false,
  required: ['address'],
  properties: {
    address: { type: 'string', description: 'ip:port the balancer sends requests to; probed directly with the hop URL\'s Host and SNI' },
    name: { type: 'string', pattern: BACKEND_NAME.source, description: '1-15 letters, digits, ".", "_" or "-"; default: the address' },
  },
};

const hop = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'role', 'url'],
  properties: {
    name: { ...name, not: { enum: ['entry'] } },
    role: { enum: [...HOP_ROLES] },
    url: { type: 'string', pattern: '^(https?|tcp)://', description: 'http(s):// URL, or tcp://host:port' },
    connectTo: { type: 'string', description: 'ip[:port] to connect to, keeping the URL\'s Host and SNI' },
    hostHeader: { type: 'string', maxLength: 255 },
    expectStatus,
    backends: { type: 'array', items: backend, minItems: 2, maxItems: MAX_BACKENDS, description: 'load_balancer hops only: the servers behind it' },
  },
};

const push = {
  type: 'object',
  additionalProperties: false,
  required: ['periodSeconds'],
  properties: {
    periodSeconds: { ...range(PUSH_LIMITS.periodSeconds), description: 'how often the job pings' },
    graceSeconds: { ...range(PUSH_LIMITS.graceSeconds), description: 'how late a ping may be before the monitor is down' },
  },
  description: 'makes the site a push (heartbeat) monitor: leave out url, hops and dns',
};

const site = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  // A push monitor has no url (the server gives it its ping URL); every other site needs one.
  if: { required: ['push'] },
  then: {
    properties: {
      url: refused('push monitors have no url: the server gives them their ping URL'),
      hops: refused('hops do not apply to a push monitor'),
      dns: refused('dns does not apply to a push monitor'),
    },
  },
  else: { required: ['url'] },
  properties: {
    name: freeName,
    url: { type: 'string', pattern: '^(https?|tcp|dns)://', description: 'http(s):// URL, tcp://host:port, or dns://name (with dns.recordType and dns.expect)' },
    method: { enum: [...HTTP_METHODS] },
    intervalSeconds: range(SITE_LIMITS.intervalSeconds),
    timeoutMs: range(SITE_LIMITS.timeoutMs),
    expectStatus,
    bodyContains: { type: 'string', minLength: 1, maxLength: 1024 },
    regions: { ...names, maxItems: SITE_LIMITS.maxRegions },
    hops: { type: 'array', items: hop, maxItems: SITE_LIMITS.maxHops },
    dns: {
      type: 'object',
      additionalProperties: false,
      required: ['resolvers'],
      properties: {
        resolvers: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: SITE_LIMITS.maxResolvers },
        recordType: { enum: [...DNS_RECORD_TYPES], description: 'dns:// sites only; default A' },
        expect: {
          type: 'array',
          items: { type: 'string', minLength: 1, maxLength: DNS_EXPECT_LIMITS.maxLength },
          minItems: 1,
          maxItems: DNS_EXPECT_LIMITS.maxValues,
          description: 'dns:// sites only (required there): answers that must all be given',
        },
      },
    },
    push,
    tags: { ...names, maxItems: SITE_LIMITS.maxTags },
    alertChannels: { type: 'array', items: freeName, uniqueItems: true, description: 'names of alert channels' },
    confirmations: range(SITE_LIMITS.confirmations),
    recoveries: range(SITE_LIMITS.recoveries),
    paused: { type: 'boolean' },
    detection: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rateWindow: range(DETECTION_LIMITS.rateWindow),
        rateThreshold: range(DETECTION_LIMITS.rateThreshold, false),
        flapLimit: range(DETECTION_LIMITS.flapLimit),
        flapWindowMinutes: range(DETECTION_LIMITS.flapWindowMinutes),
      },
    },
  },
};

const alertChannel = {
  type: 'object',
  // Each kind has its own fields (email: to; webhook: url; …); the server checks them, so they pass through.
  additionalProperties: true,
  required: ['name', 'kind'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    kind: { type: 'string', minLength: 1, examples: ['email', 'webhook'] },
    isDefault: { type: 'boolean' },
    id: false,
    managedBy: false,
    secret: false,
  },
};

const maintenanceWindow = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'startsAt', 'endsAt'],
  properties: {
    name: freeName,
    sites: { type: 'array', items: freeName, uniqueItems: true, description: 'names of sites' },
    tags: { ...names, maxItems: 20 },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
  },
};

const statusPage = {
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'title'],
  properties: {
    slug: { type: 'string', maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'the page lives at /status/<slug>: lowercase letters, digits and single hyphens' },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: ['string', 'null'], maxLength: 2000 },
    sites: { type: 'array', items: freeName, uniqueItems: true, description: 'names of sites' },
    tags: { ...names, maxItems: 20, description: 'sites carrying any of these tags are shown too' },
  },
};

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'hopwatch configuration (hopwatch.yaml)',
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { const: CONFIG_FILE_VERSION },
    sites: { type: 'array', items: site },
    alertChannels: { type: 'array', items: alertChannel },
    maintenanceWindows: { type: 'array', items: maintenanceWindow },
    statusPages: { type: 'array', items: statusPage },
  },
} as const;
