// The hopwatch.yaml the demo applies: one site whose chain is the demo's edge, proxy and app.
import { ChainPorts } from './chain/chain-gateway';

export const DEMO_SITE = 'demo-shop';

export function demoConfigYaml(ports: ChainPorts, regions: string[]): string {
  return `# Applied by \`npm run demo\` with \`hopwatch apply\`; edit and re-apply it to try the CLI.
version: 1
sites:
  - name: ${DEMO_SITE}
    url: http://127.0.0.1:${ports.edge}/
    intervalSeconds: 5
    timeoutMs: 8000
    regions: [${regions.join(', ')}]
    tags: [demo]
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
