// Every route of the OpenAPI document, fed wrong types, null, empty, huge, NUL, odd unicode, nesting and unknown
// fields: never a 500, the process keeps serving, and a refused request leaves every table as it was.
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';
import { bodyFor, queryValueFor } from '../support/fuzz/hostile-values';
import { OpenApiDocument, Route, routesOf } from '../support/fuzz/openapi-routes';
import { tableCounts } from '../support/table-counts';

const SEED = 20261201;
const RUNS_PER_ROUTE = 40;
// Some 2,000 requests, each followed by a count of every table: about a minute alone, several under a loaded suite.
const FUZZ_TIMEOUT_MS = 600_000;

/** Routes that wait for a worker (none runs here): fuzzed only with ids that do not exist. */
const WAITS_FOR_WORKER = [/\/check$/, /\/test$/];

/** Server-Sent Events streams never end, so a request to them never answers; events.e2e-spec.ts covers them. */
const STREAMS = ['/api/v1/events'];

const HOSTILE_IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '%00', '..', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1'.repeat(300)];

describe('fuzzing every route of the OpenAPI document', () => {
  let api: BootedApi;
  let routes: Route[];
  const realIds: Record<string, string> = {};

  beforeAll(async () => {
    api = await bootApi();
    const document: OpenApiDocument = (await api.http().get('/docs-json').expect(200)).body;
    routes = routesOf(document).filter((route) => !STREAMS.includes(route.path));
    realIds.sites = (await api.http().post('/api/v1/sites').set(api.auth()).send(aSite()).expect(201)).body.id;
    realIds['alert-channels'] = (await api.http().post('/api/v1/alert-channels').set(api.auth()).send({ name: 'mail', kind: 'email', to: ['ops@example.com'] }).expect(201)).body.id;
    realIds['api-keys'] = (await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'reader', scope: 'read' }).expect(201)).body.id;
  });

  afterAll(async () => {
    await api.close();
  });

  it('the document lists the routes the fuzzer is meant to cover', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(expect.arrayContaining(['patch /api/v1/sites/{id}', 'post /api/v1/alert-channels', 'get /api/v1/sites/{id}/checks']));
  });

  it('answers every generated request below 500, keeps serving, and writes nothing on a 4xx', async () => {
    const dataSource = api.app.get(DataSource);
    const statuses = new Map<number, number>();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async ({ path, query, body }) => {
          const before = await tableCounts(dataSource);
          let call = api.http()[route.method](`${path}${query}`).set(api.auth());
          if (body !== undefined) call = call.set('Content-Type', 'application/json').send(JSON.stringify(body));
          const response = await call;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) throw new Error(`${route.method.toUpperCase()} ${path}${query} → ${response.status} ${JSON.stringify(response.body)}`);
          if (response.status >= 400) expect(await tableCounts(dataSource)).toEqual(before);
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      await api.http().get('/health').expect(200);
    }
    // The run reaches past the outer checks: some requests are refused, some succeed.
    expect([...statuses.keys()].some((status) => status === 400)).toBe(true);
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  }, FUZZ_TIMEOUT_MS);

  function requestFor(route: Route) {
    const resource = route.path.split('/')[3];
    const canUseRealId = route.method !== 'delete' && !WAITS_FOR_WORKER.some((pattern) => pattern.test(route.path));
    const ids = canUseRealId && realIds[resource] ? [realIds[resource], ...HOSTILE_IDS] : HOSTILE_IDS;
    const pathArbitrary = fc.tuple(...route.pathParams.map(() => fc.constantFrom(...ids))).map((values) =>
      route.pathParams.reduce((path, name, index) => path.replace(`{${name}}`, encodeURIComponent(values[index])), route.path),
    );
    const queryArbitrary = fc
      .tuple(...Object.entries(route.query).map(([name, schema]) => fc.option(queryValueFor(schema), { nil: undefined }).map((value) => [name, value] as const)))
      .map((pairs) => {
        const parts = pairs.flatMap(([name, value]) => (value === undefined ? [] : [value].flat().map((item) => `${name}=${encodeURIComponent(item)}`)));
        return parts.length ? `?${parts.join('&')}` : '';
      });
    const bodyArbitrary = route.body ? bodyFor(route.body) : fc.constant(undefined);
    return fc.record({ path: pathArbitrary, query: queryArbitrary, body: bodyArbitrary });
  }
});
