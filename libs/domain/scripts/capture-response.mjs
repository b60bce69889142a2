// Sends one GET to a loopback gateway and writes what came back as a fixture: status, headers, exact body,
// elapsed time, and the lines the gateway appended to its log while answering. A reply that is not HTTP is
// recorded too (status null, the client's parse error and the raw bytes), as a probe would see it.
// Usage: node capture-response.mjs <url> <out.json> <gateway> <software> <scenario> [logFile]
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

const [url, out, gateway, software, scenario, logFile] = process.argv.slice(2);
const target = new URL(url);
if (!target.hostname.startsWith('127.')) throw new Error('loopback only');

const logStart = logFile && fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
const startedAt = process.hrtime.bigint();
const elapsedMs = () => Number((process.hrtime.bigint() - startedAt) / 1_000_000n);
const base = () => ({ gateway, source: 'recorded', software, scenario, request: `GET ${target.pathname}` });

const request = http.get(url, { agent: false, headers: { 'user-agent': 'hopwatch-fixture-recorder' } }, (response) => {
  const chunks = [];
  response.on('data', (chunk) => chunks.push(chunk));
  response.on('end', () => {
    const fixture = {
      ...base(),
      status: response.statusCode,
      statusText: response.statusMessage,
      httpVersion: response.httpVersion,
      elapsedMs: elapsedMs(),
      headers: response.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    setTimeout(() => write(fixture), 400);
  });
});

request.on('error', (error) => {
  const fixture = { ...base(), status: null, clientError: error.code ?? error.message, elapsedMs: elapsedMs() };
  rawReply((raw) => setTimeout(() => write({ ...fixture, headers: {}, body: raw }), 400));
});

// The parser gave up, so fetch the same path once more over a bare socket to keep the bytes that came back.
function rawReply(done) {
  const socket = net.connect(Number(target.port), target.hostname, () => {
    socket.write(`GET ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: close\r\n\r\n`);
  });
  const chunks = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('close', () => done(Buffer.concat(chunks).toString('utf8')));
  socket.on('error', () => done(Buffer.concat(chunks).toString('utf8')));
}

function write(fixture) {
  fs.writeFileSync(out, JSON.stringify({ ...fixture, log: newLogLines() }, null, 2) + '\n');
  console.log(`${out}: ${fixture.status ?? fixture.clientError} in ${fixture.elapsedMs} ms`);
}

function newLogLines() {
  if (!logFile || !fs.existsSync(logFile)) return [];
  const text = fs.readFileSync(logFile).subarray(logStart).toString('utf8');
  return text.split('\n').filter((line) => line.trim() !== '');
}
