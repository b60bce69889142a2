// The causes the demo walks through, after the seed articles: each breaks the chain one way and heals it.
import { ChainGateway } from './chain/chain-gateway';
import { DemoResolver } from './chain/demo-resolver';
import { DemoApp } from './demo-app';

export type Lab = {
  app: DemoApp;
  gateway: ChainGateway;
  wrongPort: number;
  blockedSource: string;
  /** The resolver the "vpn" region's worker uses. */
  vpnResolver: DemoResolver;
};

/** Where the "vpn" resolver sends the entry name when it disagrees: an address nothing listens on. */
export const WRONG_ENTRY_ADDRESS = '127.0.0.9';

export type Scenario = {
  name: string;
  /** What the demo's log says it broke. */
  broke: string;
  expectedCause: string;
  breakChain(lab: Lab): Promise<void>;
  heal(lab: Lab): Promise<void>;
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'app down',
    broke: 'stopped the app: the proxy cannot connect to it',
    expectedCause: 'origin_down',
    breakChain: (lab) => lab.app.setMode('down'),
    heal: (lab) => lab.app.setMode('healthy'),
  },
  {
    name: 'app slow past the proxy timeout',
    broke: 'made the app answer after 6 s, past the proxy\'s 3 s read timeout',
    expectedCause: 'origin_timeout',
    breakChain: (lab) => lab.app.setMode('slow'),
    heal: (lab) => lab.app.setMode('healthy'),
  },
  {
    name: 'proxy pointed at the wrong port',
    broke: 'pointed the proxy\'s upstream at a port nothing listens on; the app itself is fine',
    expectedCause: 'proxy_misconfigured',
    breakChain: (lab) => lab.gateway.setProxyUpstream(lab.wrongPort),
    heal: (lab) => lab.gateway.setProxyUpstream(lab.app.port),
  },
  {
    name: 'one region blocked at the edge',
    broke: 'made the edge refuse the "vpn" region\'s source address (127.0.0.2) with 403, as an IP filter or WAF does',
    expectedCause: 'edge_filtering',
    breakChain: (lab) => lab.gateway.blockSource(lab.blockedSource),
    heal: (lab) => lab.gateway.blockSource(null),
  },
  {
    name: 'resolvers that disagree',
    broke: `made the "vpn" region's resolver answer ${WRONG_ENTRY_ADDRESS} for the entry name; the other resolver still answers 127.0.0.1`,
    expectedCause: 'dns_inconsistent',
    breakChain: async (lab) => lab.vpnResolver.answerWith(WRONG_ENTRY_ADDRESS),
    heal: async (lab) => lab.vpnResolver.answerWith('127.0.0.1'),
  },
  {
    name: 'flaky origin',
    broke: 'made the app drop every other connection without answering',
    expectedCause: 'origin_bad_response',
    breakChain: (lab) => lab.app.setMode('flaky'),
    heal: (lab) => lab.app.setMode('healthy'),
  },
];
