import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/hopwatch',
      redisUrl: 'redis://127.0.0.1:6379',
      region: 'default',
      resolvers: [],
      targetAllow: [],
      adminKey: null,
      retentionDays: 30,
      hourlyRollupDays: 32,
      logLevel: 'info',
      metricsPublic: false,
      metricsPerSite: true,
      certificateWarningDays: [21, 7, 1],
      workerConcurrency: 200,
      workerConcurrencyMax: 1_000,
    });
  });

  it('bounds the checks a worker probes at once between HOPWATCH_WORKER_CONCURRENCY and its _MAX', () => {
    expect(loadConfig({ HOPWATCH_WORKER_CONCURRENCY: '50', HOPWATCH_WORKER_CONCURRENCY_MAX: '400' })).toMatchObject({ workerConcurrency: 50, workerConcurrencyMax: 400 });
    // A floor above the default ceiling raises the ceiling with it; equal bounds fix the number.
    expect(loadConfig({ HOPWATCH_WORKER_CONCURRENCY: '1500' })).toMatchObject({ workerConcurrency: 1_500, workerConcurrencyMax: 1_500 });
    expect(loadConfig({ HOPWATCH_WORKER_CONCURRENCY: '300', HOPWATCH_WORKER_CONCURRENCY_MAX: '300' })).toMatchObject({ workerConcurrency: 300, workerConcurrencyMax: 300 });
    expect(() => loadConfig({ HOPWATCH_WORKER_CONCURRENCY: '300', HOPWATCH_WORKER_CONCURRENCY_MAX: '100' })).toThrow(
      'HOPWATCH_WORKER_CONCURRENCY_MAX must be at least HOPWATCH_WORKER_CONCURRENCY (300), got 100',
    );
  });

  it('reads certificate warning days in any order, and an empty value as no warnings', () => {
    expect(loadConfig({ HOPWATCH_CERT_WARNING_DAYS: '3, 30,14' }).certificateWarningDays).toEqual([30, 14, 3]);
    expect(loadConfig({ HOPWATCH_CERT_WARNING_DAYS: '' }).certificateWarningDays).toEqual([]);
  });

  it.each([
    [{}, 'http://localhost:3000'],
    [{ PORT: '8080' }, 'http://localhost:8080'],
    [{ HOST: '::', PORT: '8081' }, 'http://localhost:8081'],
    [{ HOST: '127.0.0.2', PORT: '4000' }, 'http://127.0.0.2:4000'],
    [{ HOST: '::1', PORT: '4001' }, 'http://[::1]:4001'],
    [{ HOST: 'monitor.internal', PORT: '80' }, 'http://monitor.internal:80'],
  ])('defaults the public URL to the address the api listens on (%o → %s)', (env, expected) => {
    expect(loadConfig(env).publicUrl).toBe(expected);
  });

  it.each([
    ['auto on all interfaces', { HOST: '0.0.0.0' }, false],
    ['auto on loopback', { HOST: '127.0.0.1' }, true],
    ['auto on localhost', { HOST: 'localhost', HOPWATCH_METRICS_PUBLIC: 'auto' }, true],
    ['auto on IPv6 loopback', { HOST: '::1' }, true],
    ['true on all interfaces', { HOST: '0.0.0.0', HOPWATCH_METRICS_PUBLIC: 'true' }, true],
    ['false on loopback', { HOST: '127.0.0.1', HOPWATCH_METRICS_PUBLIC: 'false' }, false],
  ])('resolves HOPWATCH_METRICS_PUBLIC %s', (_label, env, expected) => {
    expect(loadConfig(env).metricsPublic).toBe(expected);
  });

  it('takes a hash-tagged Redis prefix, and requires one on a Redis Cluster', () => {
    expect(loadConfig({ HOPWATCH_REDIS_PREFIX: '{hopwatch}' }).redisPrefix).toBe('{hopwatch}');
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, [fd00::2]:7001', HOPWATCH_REDIS_PREFIX: '{hw}' })).toMatchObject({
      redisClusterNodes: ['10.0.0.1:7000', '[fd00::2]:7001'],
      redisPrefix: '{hw}',
    });
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000' })).toThrow(
      'HOPWATCH_REDIS_PREFIX must be a hash tag in braces on Redis Cluster (REDIS_CLUSTER_NODES is set), like {hopwatch}',
    );
  });

  it('parses lists, numbers and booleans', () => {
    const config = loadConfig({
      PORT: '8080',
      HOPWATCH_RESOLVERS: '1.1.1.1, 127.0.0.1:5353,[::1]:53',
      HOPWATCH_TARGET_ALLOW: '127.0.0.0/8,::1',
      HOPWATCH_METRICS_PUBLIC: 'false',
      HOPWATCH_PUBLIC_URL: 'https://hopwatch.example.com/',
    });
    expect(config.port).toBe(8080);
    expect(config.resolvers).toEqual(['1.1.1.1', '127.0.0.1:5353', '[::1]:53']);
    expect(config.targetAllow).toEqual(['127.0.0.0/8', '::1']);
    expect(config.metricsPublic).toBe(false);
    expect(config.publicUrl).toBe('https://hopwatch.example.com');
  });

  it.each([
    ['PORT', 'eighty', 'PORT must be a whole number, got "eighty"'],
    ['PORT', '70000', 'PORT must be between 1 and 65535, got 70000'],
    ['DATABASE_URL', 'mysql://localhost/x', 'DATABASE_URL must start with postgres:// or postgresql://, got mysql://'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL is not a valid URL (expected postgres://…)'],
    ['REDIS_URL', 'http://localhost', 'REDIS_URL must start with redis:// or rediss://, got http://'],
    ['REDIS_CLUSTER_NODES', '127.0.0.1:7000,redis-2', 'REDIS_CLUSTER_NODES entries must be host:port, got "redis-2"'],
    ['HOPWATCH_REDIS_PREFIX', '{hw:x}', 'HOPWATCH_REDIS_PREFIX must be 1-63 letters, digits, ".", "_" or "-" (no ":")'],
    ['HOPWATCH_LATENESS_WARN_SECONDS', '0', 'HOPWATCH_LATENESS_WARN_SECONDS must be between 1 and 3600, got 0'],
    ['HOPWATCH_REGION', 'eu:west', 'HOPWATCH_REGION must be 1-63 letters, digits, ".", "_" or "-" (no ":")'],
    ['HOPWATCH_SOURCE_ADDRESS', 'localhost', 'HOPWATCH_SOURCE_ADDRESS must be an IP address, got "localhost"'],
    ['HOPWATCH_RESOLVERS', '1.1.1.1,dns.google', 'HOPWATCH_RESOLVERS has "dns.google", expected ip or ip:port'],
    ['HOPWATCH_RESOLVERS', '1.1.1.1:99999', 'HOPWATCH_RESOLVERS has "1.1.1.1:99999", expected ip or ip:port'],
    ['HOPWATCH_TARGET_ALLOW', '10.0.0.0/33', 'HOPWATCH_TARGET_ALLOW has "10.0.0.0/33", expected a CIDR like 10.0.0.0/8'],
    ['HOPWATCH_ADMIN_KEY', 'short', 'HOPWATCH_ADMIN_KEY must be at least 24 characters long'],
    ['HOPWATCH_METRICS_PUBLIC', 'maybe', 'HOPWATCH_METRICS_PUBLIC must be true, false or auto, got "maybe"'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    ['HOPWATCH_CERT_WARNING_DAYS', '21,soon', 'HOPWATCH_CERT_WARNING_DAYS must be a whole number, got "soon"'],
    ['HOPWATCH_METRICS_PER_SITE', 'some', 'HOPWATCH_METRICS_PER_SITE must be true or false, got "some"'],
    ['HOPWATCH_RETENTION_DAYS', '0', 'HOPWATCH_RETENTION_DAYS must be between 1 and 3650, got 0'],
    ['HOPWATCH_WORKER_CONCURRENCY_MAX', 'lots', 'HOPWATCH_WORKER_CONCURRENCY_MAX must be a whole number, got "lots"'],
    ['HOPWATCH_WORKER_CONCURRENCY_MAX', '50000', 'HOPWATCH_WORKER_CONCURRENCY_MAX must be between 1 and 20000, got 50000'],
    ['HOPWATCH_HOURLY_ROLLUP_DAYS', '1', 'HOPWATCH_HOURLY_ROLLUP_DAYS must be between 2 and 3650, got 1'],
  ])('rejects %s=%s with a line naming the variable', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(/^(?!.*hunter2)/);
  });
});
