// Runs Prometheus's own linter (`promtool check metrics`, Debian package `prometheus`) on exposition text.
import { spawn } from 'node:child_process';

export type PromtoolVerdict = { exitCode: number; problems: string };

export function promtoolCheckMetrics(exposition: string): Promise<PromtoolVerdict> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new Error(`promtool could not run (apt-get install prometheus): ${error.message}`)));
    child.on('close', (exitCode) => resolve({ exitCode: exitCode ?? -1, problems: output.trim() }));
    child.stdin.end(exposition);
  });
}
