// The hopwatch.yaml the demo applies: one site whose chain is the demo's edge, proxy and app.
import { ChainPorts } from './chain/chain-gateway';

export const DEMO_SITE = 'demo-shop';
/** The entry's name, which only the demo's two resolvers know. */
export const ENTRY_HOST = 'shop.demo.hopwatch.test';

export type DemoRegions = { names: string[]; resolvers: string[] };

/** With resolvers, the entry is reached by name and the site checks that the resolvers agree on it. */
export function demoConfigYaml(ports: ChainPorts, regions: DemoRegions): string {
  const host = regions.resolvers.length ? ENTRY_HOST : '127.0.0.1';
  const dns = regions.resolvers.length ? `    dns:\n      resolvers: [${regions.resolvers.map((resolver) => `"${resolver}"`).join(', ')}]\n` : '';
  return `# Applied by \`npm run demo\` with \`hopwatch apply\`; edit and re-apply it to try the CLI.
version: 1
sites:
  - name: ${DEMO_SITE}
    url: http://${host}:${ports.edge}/
    intervalSeconds: 5
    timeoutMs: 8000
    regions: [${regions.names.join(', ')}]
${dns}    tags: [demo]
    # The demo opens and resolves an incident every minute or so: far more than the 4 flips an hour that
    # would otherwise mark the site flapping and hold its incident open.
    detection:
      flapLimit: 100
      flapWindowMinutes: 5
    hops:
      - name: proxy
        role: reverse_proxy
        url: http://127.0.0.1:${ports.proxy}/
      - name: app
        role: app
        url: http://127.0.0.1:${ports.app}/
`;
}
