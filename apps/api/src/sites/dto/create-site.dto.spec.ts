import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CreateSiteDto } from './create-site.dto';

async function problems(body: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(CreateSiteDto, body), { whitelist: true, forbidNonWhitelisted: true });
  return flatten(errors);
}

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    return [...Object.keys(error.constraints ?? {}).map((rule) => `${field}:${rule}`), ...flatten(error.children ?? [], field)];
  });
}

const minimal = { name: 'shop', url: 'https://shop.example.com/' };
const hop = { name: 'origin', role: 'app', url: 'http://10.0.0.5:8080/' };

describe('CreateSiteDto rules', () => {
  it('accepts a minimal site and a complete one', async () => {
    expect(await problems(minimal)).toEqual([]);
    expect(
      await problems({
        ...minimal,
        method: 'HEAD',
        intervalSeconds: 5,
        timeoutMs: 60000,
        expectStatus: '200-299,301,3xx',
        bodyContains: 'ok',
        regions: ['eu-west', 'us_east.1'],
        hops: [
          { ...hop, name: 'edge', role: 'cdn', url: 'https://shop.example.com/', connectTo: '[2001:db8::1]:443', hostHeader: 'shop.example.com' },
          { ...hop, name: 'db', role: 'other', url: 'tcp://10.0.0.9:5432' },
        ],
        dns: { resolvers: ['system', '1.1.1.1', '127.0.0.1:5353'] },
        tags: ['prod'],
        alertChannelIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'],
        confirmations: 3,
        recoveries: 1,
        paused: true,
        detection: { rateWindow: 20, rateThreshold: 0.3, flapLimit: 6, flapWindowMinutes: 30 },
      }),
    ).toEqual([]);
  });

  it.each([
    ['url', { url: 'ftp://x' }, 'url:isSiteUrl'],
    ['url', { url: 'https://' }, 'url:isSiteUrl'],
    ['method', { method: 'POST' }, 'method:isIn'],
    ['intervalSeconds', { intervalSeconds: 4 }, 'intervalSeconds:min'],
    ['intervalSeconds', { intervalSeconds: 1.5 }, 'intervalSeconds:isInt'],
    ['timeoutMs', { timeoutMs: 60001 }, 'timeoutMs:max'],
    ['expectStatus', { expectStatus: '299-200' }, 'expectStatus:isExpectStatus'],
    ['expectStatus', { expectStatus: '6xx' }, 'expectStatus:isExpectStatus'],
    ['regions', { regions: ['a', 'a'] }, 'regions:arrayUnique'],
    ['hops', { hops: [hop, hop] }, 'hops:uniqueNames'],
    ['hops', { hops: new Array(11).fill(0).map((_, index) => ({ ...hop, name: `h${index}` })) }, 'hops:arrayMaxSize'],
    ['hop role', { hops: [{ ...hop, role: 'db' }] }, 'hops.0.role:isIn'],
    ['hop name', { hops: [{ ...hop, name: 'dns:x' }] }, 'hops.0.name:matches'],
    ['hop url', { hops: [{ ...hop, url: 'tcp://10.0.0.9' }] }, 'hops.0.url:isHopUrl'],
    ['hop connectTo name', { hops: [{ ...hop, connectTo: 'db.internal' }] }, 'hops.0.connectTo:isConnectTo'],
    ['hop connectTo port', { hops: [{ ...hop, connectTo: '10.0.0.1:0' }] }, 'hops.0.connectTo:isConnectTo'],
    ['hop hostHeader', { hops: [{ ...hop, hostHeader: 'a\nb' }] }, 'hops.0.hostHeader:notContains'],
    ['resolver', { dns: { resolvers: ['resolver.example'] } }, 'dns.resolvers:isResolver'],
    ['alert channel', { alertChannelIds: ['nope'] }, 'alertChannelIds:isUuid'],
    ['confirmations', { confirmations: 0 }, 'confirmations:min'],
    ['unknown field', { colour: 'blue' }, 'colour:whitelistValidation'],
    ['rate threshold', { detection: { rateThreshold: 1.5 } }, 'detection.rateThreshold:max'],
    ['rate window', { detection: { rateWindow: 1 } }, 'detection.rateWindow:min'],
    ['flap window', { detection: { flapWindowMinutes: 2 } }, 'detection.flapWindowMinutes:min'],
    ['dns given as an array', { dns: [] }, 'dns:isObject'],
    ['detection given as an array', { detection: [] }, 'detection:isObject'],
    ['hop given as an array', { hops: [[hop]] }, 'hops:isObject'],
    ['empty regions', { regions: [] }, 'regions:arrayMinSize'],
  ])('rejects a bad %s', async (_label, change, expected) => {
    expect(await problems({ ...minimal, ...change })).toContain(expected);
  });
});

describe('load balancer backends', () => {
  const balancer = { name: 'lb', role: 'load_balancer', url: 'http://shop.internal/' };
  const backends = [{ address: '10.0.0.21:8080', name: 'app-1' }, { address: '10.0.0.22:8080' }];

  it('are accepted on an http load_balancer hop, named or not', async () => {
    expect(await problems({ ...minimal, hops: [{ ...balancer, backends }] })).toEqual([]);
  });

  it.each([
    ['on a hop that is not a load balancer', { ...balancer, role: 'reverse_proxy', backends }, 'hops.0.backends:onlyOnHttpLoadBalancers'],
    ['on a tcp hop', { ...balancer, url: 'tcp://10.0.0.1:80', backends }, 'hops.0.backends:onlyOnHttpLoadBalancers'],
    ['with a single backend', { ...balancer, backends: [backends[0]] }, 'hops.0.backends:arrayMinSize'],
    ['with an address that is not ip:port', { ...balancer, backends: [backends[0], { address: 'app.internal:80' }] }, 'hops.0.backends.1.address:isConnectTo'],
    ['with a name that cannot be a target', { ...balancer, backends: [backends[0], { address: '10.0.0.23:80', name: 'app 2/x' }] }, 'hops.0.backends.1.name:matches'],
    ['with the same address twice', { ...balancer, backends: [backends[0], { address: '10.0.0.21:8080', name: 'again' }] }, 'hops.0.backends:arrayUnique'],
    ['with the same name twice', { ...balancer, backends: [backends[0], { address: '10.0.0.23:80', name: 'app-1' }] }, 'hops.0.backends:uniqueNames'],
  ])('are refused %s', async (_case, hopBody, expected) => {
    expect(await problems({ ...minimal, hops: [hopBody] })).toContain(expected);
  });
});
