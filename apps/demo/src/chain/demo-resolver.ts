// A resolver for the demo's entry name: answers its A record with an address the demo can change (a VPN's
// resolver handing out another address, as in the seeds' case), and NXDOMAIN for any other name.
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';

export type DemoResolver = { address: string; answerWith(ipv4: string): void; stop(): Promise<void> };

const NXDOMAIN = 3;

export async function startDemoResolver(name: string, ipv4: string): Promise<DemoResolver> {
  let current = ipv4;
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const known = question.name.toLowerCase().replace(/\.$/, '') === name;
    const answers = known && question.type === 'A' ? [{ type: 'A' as const, name: question.name, ttl: 0, data: current }] : [];
    const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (known ? 0 : NXDOMAIN);
    socket.send(dnsPacket.encode({ type: 'response', id: query.id, flags, questions: [question], answers }), remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => socket.once('error', reject).bind(0, '127.0.0.1', () => resolve()));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    answerWith: (next) => void (current = next),
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
