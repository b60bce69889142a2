// A tiny UDP DNS server for tests: answers A/AAAA/TXT/MX from a table, can fail on purpose (NXDOMAIN, SERVFAIL,
// REFUSED, silence, delay) and records every query, so a test can also prove that nothing asked it.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import * as dnsPacket from 'dns-packet';

export type DnsFailure = 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

export type DnsEntry = {
  A?: string[];
  AAAA?: string[];
  TXT?: string[];
  MX?: Array<{ preference: number; exchange: string }>;
  /** Answer with this rcode instead of records. */
  rcode?: DnsFailure;
  /** Never answer: the client times out. */
  drop?: boolean;
  /** Answer after this many milliseconds. */
  delayMs?: number;
};

/** Names (case-insensitive, no trailing dot) to entries; a name not in the table is NXDOMAIN. */
export type DnsTable = Record<string, DnsEntry>;

/** `fromPort` tells which client socket asked. */
export type DnsQuery = { name: string; type: string; from: string; fromPort: number };

export type TestDnsServer = {
  host: string;
  port: number;
  /** `host:port` (`[host]:port` for IPv6), the form `HOPWATCH_RESOLVERS` and site DNS checks take. */
  address: string;
  queries: DnsQuery[];
  set(name: string, entry: DnsEntry): void;
  remove(name: string): void;
  close(): Promise<void>;
};

const RCODES: Record<DnsFailure, number> = { SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

export async function startDnsServer(initial: DnsTable = {}, options: { host?: string; port?: number } = {}): Promise<TestDnsServer> {
  const host = options.host ?? '127.0.0.1';
  const table = new Map(Object.entries(initial).map(([name, entry]) => [normaliseName(name), entry]));
  const queries: DnsQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  socket.on('message', (message, remote) => answer(socket, message, remote, { table, queries, timers }));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, host, () => resolve());
  });
  const port = socket.address().port;
  return {
    host,
    port,
    address: isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`,
    queries,
    set: (name, entry) => void table.set(normaliseName(name), entry),
    remove: (name) => void table.delete(normaliseName(name)),
    close: () => {
      timers.forEach((timer) => clearTimeout(timer));
      return new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}

type ServerState = { table: Map<string, DnsEntry>; queries: DnsQuery[]; timers: Set<NodeJS.Timeout> };

function answer(socket: Socket, message: Buffer, remote: RemoteInfo, state: ServerState): void {
  let query: dnsPacket.DecodedPacket;
  try {
    query = dnsPacket.decode(message);
  } catch {
    return;
  }
  const question = query.questions?.[0];
  if (!question) return;
  const name = normaliseName(question.name);
  state.queries.push({ name, type: question.type, from: remote.address, fromPort: remote.port });
  const entry = state.table.get(name);
  if (entry?.drop) return;
  const reply = dnsPacket.encode(responseFor(query, question, entry));
  const send = (): void => socket.send(reply, remote.port, remote.address);
  if (!entry?.delayMs) return send();
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    send();
  }, entry.delayMs);
  state.timers.add(timer);
}

function responseFor(query: dnsPacket.DecodedPacket, question: dnsPacket.Question, entry: DnsEntry | undefined): dnsPacket.Packet {
  const rcode = entry === undefined ? RCODES.NXDOMAIN : entry.rcode ? RCODES[entry.rcode] : 0;
  return {
    type: 'response',
    id: query.id,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
    questions: [question],
    answers: rcode === 0 && entry ? recordsFor(question, entry) : [],
  };
}

function recordsFor(question: dnsPacket.Question, entry: DnsEntry): dnsPacket.Answer[] {
  const base = { name: question.name, ttl: 0 };
  switch (question.type) {
    case 'A':
    case 'AAAA':
      return (entry[question.type] ?? []).map((data) => ({ ...base, type: question.type as 'A' | 'AAAA', data }));
    case 'TXT':
      return (entry.TXT ?? []).map((data) => ({ ...base, type: 'TXT' as const, data }));
    case 'MX':
      return (entry.MX ?? []).map((data) => ({ ...base, type: 'MX' as const, data }));
    default:
      return [];
  }
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
