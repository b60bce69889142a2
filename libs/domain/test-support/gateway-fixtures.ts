// Loads the recorded and documented gateway error responses in fingerprint/fixtures for specs (test-only: reads files).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type GatewayFixture = {
  name: string;
  gateway: string;
  source: 'recorded' | 'documented';
  scenario?: string;
  status: number | null;
  reasonPhrase?: string;
  statusText?: string;
  elapsedMs?: number;
  headers: Record<string, string>;
  body: string;
  log?: string[];
};

const FIXTURES = join(__dirname, '..', 'src', 'fingerprint', 'fixtures');

export function loadGatewayFixtures(): GatewayFixture[] {
  return (['recorded', 'documented'] as const).flatMap((folder) =>
    readdirSync(join(FIXTURES, folder))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ name: file.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(FIXTURES, folder, file), 'utf8')) })),
  );
}

export function gatewayFixture(name: string): GatewayFixture {
  const fixture = loadGatewayFixtures().find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`no gateway fixture named ${name}`);
  return fixture;
}
