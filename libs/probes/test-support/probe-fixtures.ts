// Factories for probe inputs, so a test states only what it is about.
import { createTargetPolicy, type HttpTargetSpec, type TcpTargetSpec } from '@hopwatch/domain';
import type { ProbeEnvironment } from '../src/probe-environment';

export const loopbackPolicy = createTargetPolicy({ allow: ['127.0.0.0/8', '::1'], deny: [] });
export const defaultPolicy = createTargetPolicy({ allow: [], deny: [] });

export function anEnvironment(overrides: Partial<ProbeEnvironment> = {}): ProbeEnvironment {
  return { policy: loopbackPolicy, sourceAddress: null, resolvers: [], ...overrides };
}

export function anHttpTarget(url: string, overrides: Partial<HttpTargetSpec> = {}): HttpTargetSpec {
  return {
    kind: 'http',
    target: 'entry',
    role: 'entry',
    url,
    method: 'GET',
    connectTo: null,
    hostHeader: null,
    expectStatus: '200-399',
    bodyContains: null,
    timeoutMs: 5000,
    ...overrides,
  };
}

export function aTcpTarget(url: string, overrides: Partial<TcpTargetSpec> = {}): TcpTargetSpec {
  return { kind: 'tcp', target: 'db', role: 'app', url, connectTo: null, timeoutMs: 3000, ...overrides };
}
