import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { waitFor } from '../support/boot-pipeline';
import { SLACK, startChatReceiver } from '../support/chat-receivers';
import { freePort } from '../support/free-port';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_ADMIN_KEY, TEST_SECRET_KEY } from '../support/test-config';

const API_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
const ALL_IN_ONE_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'all-in-one', 'src', 'main.js');

type Started = { child: ChildProcess; output: () => string; port: number };

describe('logs', () => {
  let database: TestDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))));
    await database.drop();
  });

  /** `terminal`: run under a pseudo-terminal (util-linux `script`), as a person starting it by hand would. */
  async function startApi(terminal: boolean, main = API_MAIN, extraEnv: Record<string, string> = {}): Promise<Started> {
    const port = await freePort();
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY, HOPWATCH_SECRET_KEY: TEST_SECRET_KEY, HOPWATCH_REDIS_PREFIX: `hw-test-logs-${process.pid}-${children.length}`, LOG_LEVEL: 'info', ...extraEnv };
    const child = terminal ? spawn('script', ['-qefc', `${process.execPath} ${main}`, '/dev/null'], { env }) : spawn(process.execPath, [main], { env });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    await waitFor(async () => output, (text) => /hopwatch api: http:\/\/(localhost|127\.0\.0\.1):|hopwatch is running/.test(text), 30_000);
    return { child, output: () => output, port };
  }

  async function requests(port: number): Promise<void> {
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/sites`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/sites`)).status).toBe(401);
  }

  it('writes one JSON object a line when stdout is not a terminal; a good request at debug stays out, a 401 is a warning', async () => {
    const api = await startApi(false);
    await requests(api.port);
    const lines = await waitFor(async () => api.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)), (parsed) => parsed.some((entry) => entry.res?.statusCode === 401), 10_000);
    const banner = api.output().split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    expect(banner[0]).toMatch(/^hopwatch api: http:\/\/127\.0\.0\.1:/);
    expect(banner.filter((line) => /\b(INFO|WARN|ERROR|DEBUG)\b|"level"/.test(line))).toEqual([]);
    const requestLogs = lines.filter((entry) => entry.req);
    expect(requestLogs.map((entry) => [entry.level, entry.res.statusCode])).toEqual([[40, 401]]);
    expect(JSON.stringify(lines)).not.toContain(TEST_ADMIN_KEY);
  });

  it('prints readable lines through pino-pretty on a terminal', async () => {
    const api = await startApi(true);
    await requests(api.port);
    const output = await waitFor(async () => api.output(), (text) => /WARN.*request completed/.test(text), 10_000);
    expect(output).toMatch(/\d\d:\d\d:\d\d\.\d{3}\] .*INFO.*Nest application successfully started/);
    expect(output.split(/\r?\n/).filter((line) => line.startsWith('{'))).toEqual([]);
  });

  it('names the site in incident and delivery lines, and never the channel secret', async () => {
    const slack = await startChatReceiver(SLACK);
    try {
      const app = await startApi(false, ALL_IN_ONE_MAIN, { HOPWATCH_TARGET_ALLOW: '127.0.0.0/8', HOPWATCH_SCHEDULER_TICK_MS: '50' });
      const http = () => request(`http://127.0.0.1:${app.port}`);
      const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
      const secretPath = '/services/T000/B000/LOGSECRETLOGSECRET';
      const channel = await http().post('/api/v1/alert-channels').set(auth).send({ name: 'ops-room', kind: 'slack', url: slack.url(secretPath) }).expect(201);
      const closedPort = await freePort();
      await http().post('/api/v1/sites').set(auth)
        .send({ name: 'logged-shop', url: `http://127.0.0.1:${closedPort}/`, intervalSeconds: 5, timeoutMs: 1000, confirmations: 1, alertChannelIds: [channel.body.id] }).expect(201);
      const entries = () => app.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      const found = await waitFor(async () => entries(), (all) => all.some((entry) => entry.notice === 'opened'), 40_000);
      expect(found.find((entry) => String(entry.msg).startsWith('incident opened'))).toMatchObject({ site: 'logged-shop', msg: 'incident opened on logged-shop', cause: 'origin_down' });
      expect(found.find((entry) => entry.notice === 'opened')).toMatchObject({ site: 'logged-shop', channel: 'ops-room', kind: 'slack', msg: 'opened notice for logged-shop on slack channel "ops-room" delivered' });
      expect(app.output()).not.toContain('LOGSECRET');
    } finally {
      await slack.close();
    }
  });
});
