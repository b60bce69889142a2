// Every environment variable hopwatch reads, with its default and meaning. The README's table follows this list.
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type HopwatchConfig = {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** Seed nodes (host:port) of a Redis Cluster; when set, they replace redisUrl. */
  redisClusterNodes: string[];
  /** Prefix for every BullMQ key, so several installations (or test files) share one Redis. */
  redisPrefix: string;
  adminKey: string | null;
  region: string;
  sourceAddress: string | null;
  resolvers: string[];
  targetAllow: string[];
  targetDeny: string[];
  /** Checks one worker probes at once when it starts, and never fewer. */
  workerConcurrency: number;
  /** Never more: the worker grows toward this while its event loop has time to spare and checks wait. */
  workerConcurrencyMax: number;
  checkBatchSize: number;
  schedulerTickMs: number;
  jobLockMs: number;
  shutdownTimeoutMs: number;
  writerBatchSize: number;
  writerFlushMs: number;
  /** Check runs kept in Redis while Postgres is unreachable; past it a run is not buffered (its job fails and retries). */
  resultBufferMax: number;
  /** p99 slot lateness (over 30 s) past which checks are reported as running behind. */
  latenessWarnSeconds: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** Where people reach the api; links in alerts open `${publicUrl}/incidents/<id>`. */
  publicUrl: string;
  /** Folder of the built web UI (served under `/`); relative paths are taken from the working directory. */
  webDir: string;
  sessionTtlHours: number;
  retentionDays: number;
  /** Days hourly rollups are kept; older hours are answered from daily rollups. */
  hourlyRollupDays: number;
  resolveQuietSeconds: number;
  alertUpdateIntervalSeconds: number;
  rootGroupingSeconds: number;
  alertRetryHours: number;
  /** Backoff of a notice's retries: the first wait, doubling up to the longest (both jittered in their upper half). */
  alertRetryFirstMs: number;
  alertRetryMaxMs: number;
  webhookTimeoutMs: number;
  /** Telegram Bot API base; a proxy or a loopback receiver in tests. */
  telegramApiUrl: string;
  /** PagerDuty Events API v2 enqueue URL (e.g. the EU service region's). */
  pagerdutyEventsUrl: string;
  /** Resolved from HOPWATCH_METRICS_PUBLIC: `auto` opens /metrics only when HOST is a loopback address. */
  metricsPublic: boolean;
  /** Seals secrets stored in the database; null: read or create secretKeyFile. */
  secretKey: Buffer | null;
  secretKeyFile: string;
  /** Keys that only open what they sealed before a rotation. */
  secretKeyPrevious: Buffer[];
  /** Requests per minute one API key may make, across every route. */
  rateLimitPerKey: number;
  /** Requests per minute one client address may make, across every route. */
  rateLimitPerAddress: number;
  /** Sign-in and key-creation requests per minute one client address may make. */
  rateLimitSignIn: number;
  metricsPort: number | null;
  /** Export one `hopwatch_site_up` series per site and region (off for very large fleets). */
  metricsPerSite: boolean;
  /** Days before a checked certificate's end at which a warning is sent, once each. */
  certificateWarningDays: number[];
  logLevel: LogLevel;
};

export type VariableSpec = {
  name: string;
  description: string;
  default: string | null;
  sensitive?: boolean;
};

export const VARIABLES: VariableSpec[] = [
  { name: 'PORT', description: 'API port', default: '3000' },
  { name: 'HOST', description: 'API listen address', default: '0.0.0.0' },
  { name: 'DATABASE_URL', description: 'PostgreSQL URL; the database is created if missing', default: 'postgres://postgres@127.0.0.1:5432/hopwatch', sensitive: true },
  { name: 'REDIS_URL', description: 'Redis URL for the queues', default: 'redis://127.0.0.1:6379', sensitive: true },
  { name: 'REDIS_CLUSTER_NODES', description: 'Redis Cluster seed nodes (host:port,host:port); replaces REDIS_URL and needs a hash-tagged HOPWATCH_REDIS_PREFIX such as {hopwatch}', default: null },
  { name: 'HOPWATCH_REDIS_PREFIX', description: 'key prefix for everything hopwatch keeps in Redis; in braces (`{hopwatch}`) it is a Redis Cluster hash tag that keeps every key in one slot', default: 'hopwatch' },
  { name: 'HOPWATCH_ADMIN_KEY', description: 'bootstrap API key with write scope (at least 24 characters); when unset and no key exists, one is generated and printed once', default: null, sensitive: true },
  { name: 'HOPWATCH_REGION', description: 'the vantage point this worker checks from', default: 'default' },
  { name: 'HOPWATCH_SOURCE_ADDRESS', description: 'local address probes bind to', default: null },
  { name: 'HOPWATCH_RESOLVERS', description: 'comma-separated DNS servers probes use (ip or ip:port); empty = the system resolver', default: null },
  { name: 'HOPWATCH_TARGET_ALLOW', description: 'comma-separated CIDRs probes may reach even if denied by default (e.g. 127.0.0.0/8)', default: null },
  { name: 'HOPWATCH_TARGET_DENY', description: 'comma-separated CIDRs probes may never reach', default: null },
  { name: 'HOPWATCH_WORKER_CONCURRENCY', description: 'checks one worker probes at once when it starts, and never fewer (a check waiting for its results to be committed does not count)', default: '200' },
  { name: 'HOPWATCH_WORKER_CONCURRENCY_MAX', description: 'most checks one worker probes at once; it grows toward this while its event loop has time to spare and checks wait for a slot, and shrinks back when the loop is busy. Unset: 1000, or HOPWATCH_WORKER_CONCURRENCY if larger; equal to it: a fixed number', default: null },
  { name: 'HOPWATCH_CHECK_BATCH_SIZE', description: 'scheduled checks of one region and tick that travel as one queue job (fewer Redis round trips per check); a killed worker\'s batch is re-run whole, its stored slots skipped', default: '10' },
  { name: 'HOPWATCH_SCHEDULER_TICK_MS', description: 'how often the scheduler looks for due checks', default: '100' },
  { name: 'HOPWATCH_JOB_LOCK_MS', description: 'lock on a running job, renewed while its worker lives; a killed worker\'s jobs are re-run elsewhere within 1.5 × this', default: '10000' },
  { name: 'HOPWATCH_SHUTDOWN_TIMEOUT_MS', description: 'longest a process waits on SIGTERM/SIGINT for in-flight work before it exits anyway', default: '10000' },
  { name: 'HOPWATCH_WRITER_BATCH', description: 'results the writer inserts per statement at most', default: '500' },
  { name: 'HOPWATCH_WRITER_FLUSH_MS', description: 'longest a result waits in the writer before its batch is flushed', default: '100' },
  { name: 'HOPWATCH_RESULT_BUFFER_MAX', description: 'check runs kept in Redis while Postgres is unreachable, written in slot order when it returns; past it a run is not buffered and its job fails and retries', default: '100000' },
  { name: 'HOPWATCH_LATENESS_WARN_SECONDS', description: 'p99 slot lateness over the last 30 s past which a worker says checks are running behind (log line, metric, /health/ready)', default: '5' },
  { name: 'HOPWATCH_SMTP_URL', description: 'SMTP server for email alerts (smtp://user:pass@host:port)', default: null, sensitive: true },
  { name: 'HOPWATCH_MAIL_FROM', description: 'sender of alert emails', default: 'hopwatch <hopwatch@localhost>' },
  { name: 'HOPWATCH_PUBLIC_URL', description: 'base URL people reach the api and UI at, used in links inside alerts and for the CSRF origin check; default: the address the api listens on (http://localhost:PORT when HOST is 0.0.0.0 or ::)', default: null },
  { name: 'HOPWATCH_WEB_DIR', description: 'folder of the built web UI served under /', default: 'dist/web' },
  { name: 'HOPWATCH_SESSION_TTL_HOURS', description: 'how long a web sign-in session lasts', default: '168' },
  { name: 'HOPWATCH_RESOLVE_QUIET_SECONDS', description: 'how long a resolution must hold before it is announced; a relapse within it reopens the incident', default: '120' },
  { name: 'HOPWATCH_ALERT_UPDATE_INTERVAL_SECONDS', description: 'at most one "updated" notice per incident in this time', default: '300' },
  { name: 'HOPWATCH_ROOT_GROUPING_SECONDS', description: 'how long the opened notice of an incident other sites may join waits for them (never past its detection deadline), and how long joins to a root must pause before its one updated notice lists them all; 0 sends at once', default: '10' },
  { name: 'HOPWATCH_ALERT_RETRY_HOURS', description: 'how long a notice is retried before it is given up as failed', default: '24' },
  { name: 'HOPWATCH_ALERT_RETRY_FIRST_MS', description: 'wait before a notice\'s first retry; it doubles on each retry', default: '1000' },
  { name: 'HOPWATCH_ALERT_RETRY_MAX_MS', description: 'longest wait between two retries of a notice', default: '3600000' },
  { name: 'HOPWATCH_WEBHOOK_TIMEOUT_MS', description: 'timeout of one webhook delivery attempt', default: '10000' },
  { name: 'HOPWATCH_TELEGRAM_API_URL', description: 'Telegram Bot API base URL for telegram channels', default: 'https://api.telegram.org' },
  { name: 'HOPWATCH_PAGERDUTY_EVENTS_URL', description: 'PagerDuty Events API v2 URL for pagerduty channels (https://events.eu.pagerduty.com/v2/enqueue for the EU region)', default: 'https://events.pagerduty.com/v2/enqueue' },
  { name: 'HOPWATCH_RETENTION_DAYS', description: 'days raw check results are kept, in whole days (daily rollups are kept forever)', default: '30' },
  { name: 'HOPWATCH_HOURLY_ROLLUP_DAYS', description: 'days hourly rollups are kept; older hours are answered from daily rollups (the default covers the longest 1 h chart, 31 days)', default: '32' },
  { name: 'HOPWATCH_METRICS_PUBLIC', description: 'serve /metrics without an API key: true, false, or auto (only when HOST is a loopback address)', default: 'auto' },
  { name: 'HOPWATCH_SECRET_KEY', description: 'key that encrypts secrets stored in the database (AES-256-GCM): 32 bytes as base64 or 64 hex digits; unset: read from HOPWATCH_SECRET_KEY_FILE', default: null, sensitive: true },
  { name: 'HOPWATCH_SECRET_KEY_FILE', description: 'where the key is kept when HOPWATCH_SECRET_KEY is unset; created (mode 0600) on first boot', default: 'data/secret-key' },
  { name: 'HOPWATCH_SECRET_KEY_PREVIOUS', description: 'comma-separated earlier keys, which still open what they encrypted during a rotation', default: null, sensitive: true },
  { name: 'HOPWATCH_RATE_LIMIT_PER_KEY', description: 'API requests per minute one API key may make; more get 429 with Retry-After', default: '600' },
  { name: 'HOPWATCH_RATE_LIMIT_PER_ADDRESS', description: 'API requests per minute one client address may make, with or without a key', default: '1200' },
  { name: 'HOPWATCH_RATE_LIMIT_SIGN_IN', description: 'sign-in and API-key creation requests per minute one client address may make', default: '10' },
  { name: 'HOPWATCH_METRICS_PORT', description: 'port on which a standalone worker or scheduler serves /metrics (unset: none)', default: null },
  { name: 'HOPWATCH_CERT_WARNING_DAYS', description: 'comma-separated days before a checked certificate (entry or hop) expires at which a warning is sent, once each; empty turns warnings off', default: '21,7,1' },
  { name: 'HOPWATCH_METRICS_PER_SITE', description: 'export hopwatch_site_up per site and region on /metrics (one series each; turn off for very large fleets)', default: 'true' },
  { name: 'LOG_LEVEL', description: 'fatal, error, warn, info, debug, trace or silent', default: 'info' },
];
