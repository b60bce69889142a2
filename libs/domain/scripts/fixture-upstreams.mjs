// Misbehaving upstreams on loopback for record-fixtures.sh: each port fails in one way a real app does.
// Usage: node fixture-upstreams.mjs <basePort>   (listens on basePort+1 … basePort+6, 127.0.0.1 only)
import net from 'node:net';

const base = Number(process.argv[2] ?? 18200);

function afterRequestHead(socket, action) {
  let seen = '';
  socket.on('data', (chunk) => {
    seen += chunk.toString('latin1');
    if (seen.includes('\r\n\r\n')) action(socket);
  });
  socket.on('error', () => {});
}

const behaviours = {
  // accepts, reads the request, never answers: the proxy's read timer fires
  slow: (socket) => afterRequestHead(socket, () => {}),
  // accepts, reads the request, answers with a TCP reset
  reset: (socket) => afterRequestHead(socket, (s) => s.resetAndDestroy()),
  // accepts, reads the request, closes cleanly (FIN) without a byte of response
  close: (socket) => afterRequestHead(socket, (s) => s.end()),
  // accepts and answers bytes that are not HTTP
  garbage: (socket) => afterRequestHead(socket, (s) => s.end('HELLO THIS IS NOT HTTP\r\n')),
  // a working app that fails with its own 500 page
  app500: (socket) => afterRequestHead(socket, (s) => s.end(httpResponse(500, 'Internal Server Error', 'app: database unavailable\n'))),
  // a healthy app
  ok: (socket) => afterRequestHead(socket, (s) => s.end(httpResponse(200, 'OK', 'ok\n'))),
};

function httpResponse(status, reason, body) {
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

Object.values(behaviours).forEach((behaviour, index) => {
  net.createServer(behaviour).listen(base + index + 1, '127.0.0.1');
});
process.on('SIGTERM', () => process.exit(0));
