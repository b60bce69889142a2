// The only reader of process.env: parses and validates every variable once, at boot.
import { isIP } from 'node:net';
import { parseSecretKey } from '../secrets/secret-box';
import { HopwatchConfig, LogLevel, VARIABLES } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): HopwatchConfig {
  const read = (name: string): string | null => {
    const value = env[name]?.trim();
    if (value) return value;
    return VARIABLES.find((variable) => variable.name === name)?.default ?? null;
  };
  const required = (name: string): string => read(name) as string;
  const port = integer(required('PORT'), 'PORT', 1, 65_535);
  const host = required('HOST');
  const workerConcurrency = integer(required('HOPWATCH_WORKER_CONCURRENCY'), 'HOPWATCH_WORKER_CONCURRENCY', 1, 5_000);
  return {
    port,
    host,
    databaseUrl: url(required('DATABASE_URL'), 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(required('REDIS_URL'), 'REDIS_URL', ['redis:', 'rediss:']),
    redisClusterNodes: list(read('REDIS_CLUSTER_NODES')).map((entry) => hostAndPort(entry, 'REDIS_CLUSTER_NODES')),
    redisPrefix: redisPrefix(required('HOPWATCH_REDIS_PREFIX'), read('REDIS_CLUSTER_NODES') !== null),
    adminKey: adminKey(read('HOPWATCH_ADMIN_KEY')),
    region: name(required('HOPWATCH_REGION'), 'HOPWATCH_REGION'),
    sourceAddress: address(read('HOPWATCH_SOURCE_ADDRESS'), 'HOPWATCH_SOURCE_ADDRESS'),
    resolvers: list(read('HOPWATCH_RESOLVERS')).map((entry) => resolver(entry, 'HOPWATCH_RESOLVERS')),
    targetAllow: list(read('HOPWATCH_TARGET_ALLOW')).map((entry) => cidr(entry, 'HOPWATCH_TARGET_ALLOW')),
    targetDeny: list(read('HOPWATCH_TARGET_DENY')).map((entry) => cidr(entry, 'HOPWATCH_TARGET_DENY')),
    workerConcurrency,
    workerConcurrencyMax: workerConcurrencyMax(read('HOPWATCH_WORKER_CONCURRENCY_MAX'), workerConcurrency),
    checkBatchSize: integer(required('HOPWATCH_CHECK_BATCH_SIZE'), 'HOPWATCH_CHECK_BATCH_SIZE', 1, 500),
    schedulerTickMs: integer(required('HOPWATCH_SCHEDULER_TICK_MS'), 'HOPWATCH_SCHEDULER_TICK_MS', 20, 1_000),
    jobLockMs: integer(required('HOPWATCH_JOB_LOCK_MS'), 'HOPWATCH_JOB_LOCK_MS', 1_000, 600_000),
    shutdownTimeoutMs: integer(required('HOPWATCH_SHUTDOWN_TIMEOUT_MS'), 'HOPWATCH_SHUTDOWN_TIMEOUT_MS', 100, 600_000),
    writerBatchSize: integer(required('HOPWATCH_WRITER_BATCH'), 'HOPWATCH_WRITER_BATCH', 1, 10_000),
    writerFlushMs: integer(required('HOPWATCH_WRITER_FLUSH_MS'), 'HOPWATCH_WRITER_FLUSH_MS', 1, 10_000),
    resultBufferMax: integer(required('HOPWATCH_RESULT_BUFFER_MAX'), 'HOPWATCH_RESULT_BUFFER_MAX', 1, 10_000_000),
    latenessWarnSeconds: integer(required('HOPWATCH_LATENESS_WARN_SECONDS'), 'HOPWATCH_LATENESS_WARN_SECONDS', 1, 3_600),
    smtpUrl: optionalUrl(read('HOPWATCH_SMTP_URL'), 'HOPWATCH_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: required('HOPWATCH_MAIL_FROM'),
    publicUrl: url(read('HOPWATCH_PUBLIC_URL') ?? listenUrl(host, port), 'HOPWATCH_PUBLIC_URL', ['http:', 'https:']).replace(/\/+$/, ''),
    webDir: required('HOPWATCH_WEB_DIR'),
    sessionTtlHours: integer(required('HOPWATCH_SESSION_TTL_HOURS'), 'HOPWATCH_SESSION_TTL_HOURS', 1, 8_760),
    resolveQuietSeconds: integer(required('HOPWATCH_RESOLVE_QUIET_SECONDS'), 'HOPWATCH_RESOLVE_QUIET_SECONDS', 0, 86_400),
    alertUpdateIntervalSeconds: integer(required('HOPWATCH_ALERT_UPDATE_INTERVAL_SECONDS'), 'HOPWATCH_ALERT_UPDATE_INTERVAL_SECONDS', 0, 86_400),
    rootGroupingSeconds: integer(required('HOPWATCH_ROOT_GROUPING_SECONDS'), 'HOPWATCH_ROOT_GROUPING_SECONDS', 0, 120),
    alertRetryHours: integer(required('HOPWATCH_ALERT_RETRY_HOURS'), 'HOPWATCH_ALERT_RETRY_HOURS', 1, 720),
    alertRetryFirstMs: integer(required('HOPWATCH_ALERT_RETRY_FIRST_MS'), 'HOPWATCH_ALERT_RETRY_FIRST_MS', 10, 3_600_000),
    alertRetryMaxMs: integer(required('HOPWATCH_ALERT_RETRY_MAX_MS'), 'HOPWATCH_ALERT_RETRY_MAX_MS', 10, 86_400_000),
    webhookTimeoutMs: integer(required('HOPWATCH_WEBHOOK_TIMEOUT_MS'), 'HOPWATCH_WEBHOOK_TIMEOUT_MS', 100, 60_000),
    telegramApiUrl: url(required('HOPWATCH_TELEGRAM_API_URL'), 'HOPWATCH_TELEGRAM_API_URL', ['https:', 'http:']).replace(/\/+$/, ''),
    pagerdutyEventsUrl: url(required('HOPWATCH_PAGERDUTY_EVENTS_URL'), 'HOPWATCH_PAGERDUTY_EVENTS_URL', ['https:', 'http:']),
    retentionDays: integer(required('HOPWATCH_RETENTION_DAYS'), 'HOPWATCH_RETENTION_DAYS', 1, 3_650),
    hourlyRollupDays: integer(required('HOPWATCH_HOURLY_ROLLUP_DAYS'), 'HOPWATCH_HOURLY_ROLLUP_DAYS', 2, 3_650),
    metricsPublic: metricsPublic(required('HOPWATCH_METRICS_PUBLIC'), required('HOST')),
    secretKey: optionalSecretKey(read('HOPWATCH_SECRET_KEY'), 'HOPWATCH_SECRET_KEY'),
    secretKeyFile: required('HOPWATCH_SECRET_KEY_FILE'),
    secretKeyPrevious: list(read('HOPWATCH_SECRET_KEY_PREVIOUS')).map((entry) => secretKey(entry, 'HOPWATCH_SECRET_KEY_PREVIOUS')),
    rateLimitPerKey: integer(required('HOPWATCH_RATE_LIMIT_PER_KEY'), 'HOPWATCH_RATE_LIMIT_PER_KEY', 1, 1_000_000),
    rateLimitPerAddress: integer(required('HOPWATCH_RATE_LIMIT_PER_ADDRESS'), 'HOPWATCH_RATE_LIMIT_PER_ADDRESS', 1, 1_000_000),
    rateLimitSignIn: integer(required('HOPWATCH_RATE_LIMIT_SIGN_IN'), 'HOPWATCH_RATE_LIMIT_SIGN_IN', 1, 1_000_000),
    metricsPort: optionalInteger(read('HOPWATCH_METRICS_PORT'), 'HOPWATCH_METRICS_PORT', 1, 65_535),
    certificateWarningDays: dayList(env.HOPWATCH_CERT_WARNING_DAYS ?? required('HOPWATCH_CERT_WARNING_DAYS'), 'HOPWATCH_CERT_WARNING_DAYS'),
    metricsPerSite: boolean(required('HOPWATCH_METRICS_PER_SITE'), 'HOPWATCH_METRICS_PER_SITE'),
    logLevel: oneOf(required('LOG_LEVEL'), 'LOG_LEVEL', LOG_LEVELS),
  };
}

/** The address the api listens on, as a person would type it: a wildcard bind is reached through localhost. */
export function listenUrl(host: string, port: number): string {
  if (['0.0.0.0', '::', '[::]', ''].includes(host)) return `http://localhost:${port}`;
  return isIP(host) === 6 ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

function integer(value: string, variable: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new ConfigError(variable, `must be a whole number, got "${value}"`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) throw new ConfigError(variable, `must be between ${min} and ${max}, got ${parsed}`);
  return parsed;
}

const DEFAULT_WORKER_CONCURRENCY_MAX = 1_000;

function workerConcurrencyMax(value: string | null, floor: number): number {
  const variable = 'HOPWATCH_WORKER_CONCURRENCY_MAX';
  if (value === null) return Math.max(DEFAULT_WORKER_CONCURRENCY_MAX, floor);
  const ceiling = integer(value, variable, 1, 20_000);
  if (ceiling < floor) throw new ConfigError(variable, `must be at least HOPWATCH_WORKER_CONCURRENCY (${floor}), got ${ceiling}`);
  return ceiling;
}

function optionalInteger(value: string | null, variable: string, min: number, max: number): number | null {
  return value === null ? null : integer(value, variable, min, max);
}

function url(value: string, variable: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(variable, `is not a valid URL (expected ${protocols[0]}//…)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(variable, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got ${parsed.protocol}//`);
  }
  return value;
}

function optionalUrl(value: string | null, variable: string, protocols: string[]): string | null {
  return value === null ? null : url(value, variable, protocols);
}

/** `{name}` is a hash tag: on Redis Cluster every key of a queue (and so every key of ours) must share a slot. */
function redisPrefix(value: string, cluster: boolean): string {
  const variable = 'HOPWATCH_REDIS_PREFIX';
  const tagged = /^\{(.+)\}$/.exec(value);
  if (cluster && !tagged) throw new ConfigError(variable, `must be a hash tag in braces on Redis Cluster (REDIS_CLUSTER_NODES is set), like {${value}}`);
  name(tagged ? tagged[1] : value, variable);
  return value;
}

function hostAndPort(value: string, variable: string): string {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 65_535) throw new ConfigError(variable, `entries must be host:port, got "${value}"`);
  return value;
}

function name(value: string, variable: string): string {
  if (!/^[a-z0-9][a-z0-9_.-]{0,62}$/i.test(value)) {
    throw new ConfigError(variable, 'must be 1-63 letters, digits, ".", "_" or "-" (no ":")');
  }
  return value;
}

function adminKey(value: string | null): string | null {
  if (value !== null && value.length < 24) throw new ConfigError('HOPWATCH_ADMIN_KEY', 'must be at least 24 characters long');
  return value;
}

function secretKey(value: string, variable: string): Buffer {
  const key = parseSecretKey(value);
  if (!key) throw new ConfigError(variable, 'must be 32 bytes as base64 or 64 hex digits (e.g. `openssl rand -base64 32`)');
  return key;
}

function optionalSecretKey(value: string | null, variable: string): Buffer | null {
  return value === null ? null : secretKey(value, variable);
}

function address(value: string | null, variable: string): string | null {
  if (value !== null && isIP(value) === 0) throw new ConfigError(variable, `must be an IP address, got "${value}"`);
  return value;
}

function resolver(entry: string, variable: string): string {
  const bracketed = /^\[(.+)\](?::(\d{1,5}))?$/.exec(entry);
  const bareV6 = isIP(entry) === 6;
  const [host, port] = bracketed ? [bracketed[1], bracketed[2]] : bareV6 ? [entry, undefined] : entry.split(':');
  const portOk = port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535);
  if (isIP(host) === 0 || !portOk) throw new ConfigError(variable, `has "${entry}", expected ip or ip:port`);
  return entry;
}

function cidr(entry: string, variable: string): string {
  const [ip, bits, extra] = entry.split('/');
  const family = isIP(ip);
  const maxBits = family === 6 ? 128 : 32;
  const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
  if (family === 0 || !bitsOk || extra !== undefined) throw new ConfigError(variable, `has "${entry}", expected a CIDR like 10.0.0.0/8`);
  return entry;
}

function list(value: string | null): string[] {
  return value === null ? [] : value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

function dayList(value: string, variable: string): number[] {
  const days = list(value).map((entry) => integer(entry, variable, 1, 365));
  return [...new Set(days)].sort((a, b) => b - a);
}

/** `auto`: /metrics needs no key only when the API listens on loopback, where nobody else can reach it. */
function metricsPublic(value: string, host: string): boolean {
  return value.toLowerCase() === 'auto' ? isLoopbackHost(host) : boolean(value, 'HOPWATCH_METRICS_PUBLIC', 'true, false or auto');
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function boolean(value: string, variable: string, expected = 'true or false'): boolean {
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  throw new ConfigError(variable, `must be ${expected}, got "${value}"`);
}

function oneOf<T extends string>(value: string, variable: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ConfigError(variable, `must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
