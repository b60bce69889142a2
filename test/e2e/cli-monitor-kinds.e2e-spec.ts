// Config as code for every monitor kind: push monitors, dns:// sites with their record type and answers, and the
// backends of a load balancer hop, applied, read back and exported through the real API.
import { AddressInfo } from 'node:net';
import { BootedPipeline, bootPipeline } from '../support/boot-pipeline';
import { cliRunner } from '../support/cli-runner';
import { startTargetServer, TargetServer } from '../support/target-server';
import { TEST_ADMIN_KEY } from '../support/test-config';

describe('the hopwatch CLI with every monitor kind', () => {
  let server: BootedPipeline;
  let app: TargetServer;
  let cli: ReturnType<typeof cliRunner>;

  const get = async <T>(path: string): Promise<T> => (await server.http().get(path).set(server.auth).expect(200)).body as T;

  beforeAll(async () => {
    server = await bootPipeline();
    await server.app.listen(0, '127.0.0.1');
    app = await startTargetServer();
    cli = cliRunner(`http://127.0.0.1:${(server.app.getHttpServer().address() as AddressInfo).port}`, TEST_ADMIN_KEY);
  });

  afterAll(async () => {
    await app.close();
    await server.close();
  });

  it('applies push monitors, dns:// sites and balancer backends, and exports them as no change', async () => {
    const kinds = cli.file('kinds.yaml', `version: 1
sites:
  - name: nightly-backup
    push:
      periodSeconds: 86400
      graceSeconds: 900
  - name: mail-dns
    url: dns://example.test
    dns:
      resolvers: [127.0.0.1:5353]
      recordType: MX
      expect: [10 mx.example.test]
  - name: balanced
    url: ${app.url('/')}
    hops:
      - name: lb
        role: load_balancer
        url: ${app.url('/lb')}
        backends:
          - address: 127.0.0.1:18081
          - address: 127.0.0.1:18082
            name: app-2
`);
    const applied = await cli.run(['apply', '-f', kinds]);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    type Site = { name: string; url: string; intervalSeconds: number; push: { periodSeconds: number; graceSeconds: number; pingUrl: string } | null; dns: unknown; hops: { backends: unknown }[] };
    const sites = (await get<{ items: Site[] }>('/api/v1/sites?limit=500')).items;
    const named = (name: string) => sites.find((site) => site.name === name)!;
    expect(named('nightly-backup').push).toMatchObject({ periodSeconds: 86_400, graceSeconds: 900, pingUrl: expect.stringMatching(/\/ping\//) });
    expect(named('mail-dns').dns).toEqual({ resolvers: ['127.0.0.1:5353'], recordType: 'MX', expect: ['10 mx.example.test'] });
    expect(named('balanced').hops[0].backends).toEqual([{ address: '127.0.0.1:18081', name: '127.0.0.1-18081' }, { address: '127.0.0.1:18082', name: 'app-2' }]);
    expect((await cli.run(['apply', '-f', kinds])).stdout).toMatch(/^No changes/);

    const exported = await cli.run(['export']);
    expect(exported.stdout).toContain('  - name: nightly-backup\n    push:\n      periodSeconds: 86400\n      graceSeconds: 900\n');
    expect(exported.stdout).not.toContain(named('nightly-backup').push!.pingUrl);
    expect(exported.stdout).toContain('      recordType: MX\n');
    const again = await cli.run(['apply', '-f', cli.file('kinds-exported.yaml', exported.stdout)]);
    expect(again.stdout.trim()).toMatch(/^No changes/);

    const turned = await cli.run(['apply', '-f', cli.file('turned.yaml', `version: 1\nsites:\n  - name: nightly-backup\n    url: ${app.url('/')}\n`)]);
    expect(turned.code).toBe(3);
    expect(turned.stderr).toContain('sites[0].url: "nightly-backup" is a push monitor on the server; it cannot become a URL check');
    expect(named('nightly-backup').push).not.toBeNull();
  });

  it('says why a push monitor cannot have a url', async () => {
    const file = cli.file('push-url.yaml', 'version: 1\nsites:\n  - name: cron\n    url: http://127.0.0.1:1/\n    push:\n      periodSeconds: 60\n');
    const result = await cli.run(['apply', '-f', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('sites[0].url: push monitors have no url: the server gives them their ping URL');
  });
});
