// The short profile of `npm run faults` (worker SIGKILL, Redis restart, webhook receiver down) as part of `npm test`:
// the suite's own checker must find every slot stored once and every alert delivered once, none lost, none doubled.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const RUNNER = join(__dirname, '..', '..', 'dist', 'bench', 'faults', 'run-faults.js');

jest.setTimeout(12 * 60_000);

describe('npm run faults, short profile', () => {
  it('prints its table with no slot or alert lost or doubled', async () => {
    const child = spawn(process.execPath, [RUNNER, '--profile', 'short', '--sites', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let table = '';
    let progress = '';
    child.stdout.on('data', (chunk: Buffer) => (table += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (progress += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect({ code, progress: code === 0 ? '' : progress }).toEqual({ code: 0, progress: '' });
    const rows = table.split('\n').filter((line) => /^\| (worker SIGKILL|Redis restart|webhook receiver down)/.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [, , expected, stored, , lost, duplicates, alerts] = row.split('|').map((cell) => cell.trim());
      expect(Number(expected)).toBeGreaterThan(0);
      expect(Number(stored)).toBe(Number(expected));
      expect([Number(lost), Number(duplicates)]).toEqual([0, 0]);
      const [alertsExpected, alertsDelivered, alertsDoubled] = alerts.split('/').map(Number);
      expect(alertsExpected).toBeGreaterThan(0);
      expect([alertsDelivered, alertsDoubled]).toEqual([alertsExpected, 0]);
    }
  });
});
