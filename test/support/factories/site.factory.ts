// Request bodies for the sites API, with sensible defaults to override per test.
type Body = Record<string, unknown>;

export function aHop(overrides: Body = {}): Body {
  return { name: 'origin', role: 'app', url: 'http://127.0.0.1:8080/health', ...overrides };
}

export function aSite(overrides: Body = {}): Body {
  return {
    name: 'shop',
    url: 'https://shop.example.com/',
    intervalSeconds: 60,
    hops: [
      aHop({ name: 'edge', role: 'cdn', url: 'https://shop.example.com/', connectTo: '127.0.0.1:8443' }),
      aHop({ name: 'proxy', role: 'reverse_proxy', url: 'http://127.0.0.1:8081/', hostHeader: 'shop.example.com' }),
      aHop({ name: 'app', role: 'app', url: 'http://127.0.0.1:8080/health', expectStatus: '200' }),
    ],
    dns: { resolvers: ['system', '127.0.0.1:5353'] },
    tags: ['prod', 'eu'],
    ...overrides,
  };
}
