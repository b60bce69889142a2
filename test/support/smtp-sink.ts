// A real SMTP server on loopback that keeps what it receives, can refuse on purpose, and can go away and
// come back on the same port (an SMTP outage as the sender sees it).
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export type SinkMessage = {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The user the client logged in as, if it did. */
  user: string | null;
  /** The message exactly as transmitted (headers and MIME body). */
  raw: string;
  /** Header names lower-cased, folded lines joined, encoded words left as sent. */
  headers: Record<string, string>;
  /** The Subject with RFC 2047 encoded words decoded. */
  subject: string;
  /** The text/plain and text/html parts, transfer encoding undone (null when absent). */
  text: string | null;
  html: string | null;
};

/** Refuse transactions: at RCPT (every recipient, or only those listed) or after DATA. */
export type SmtpRejection = { code: number; message?: string; at?: 'rcpt' | 'data'; recipients?: string[] };

export type SmtpSink = {
  host: string;
  port: number;
  /** `smtp://127.0.0.1:<port>`, optionally with credentials (any are accepted and recorded). */
  url(credentials?: { user: string; pass: string }): string;
  messages: SinkMessage[];
  /** Connections accepted since start. */
  connections: number;
  rejectWith(rejection: SmtpRejection | null): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  /** Closes the listener and every open connection; connecting is refused until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
};

const HOST = '127.0.0.1';

export async function startSmtpSink(): Promise<SmtpSink> {
  let rejection: SmtpRejection | null = null;
  let server: SMTPServer | null = null;
  const sink: SmtpSink = {
    host: HOST,
    port: 0,
    url: (credentials) => `smtp://${credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@` : ''}${HOST}:${sink.port}`,
    messages: [],
    connections: 0,
    rejectWith: (next) => (rejection = next),
    waitForMessages: (count, timeoutMs = 5000) => waitUntil(() => sink.messages.length >= count, timeoutMs, `${count} message(s)`).then(() => sink.messages),
    stop: async () => {
      if (server) await closeServer(server);
      server = null;
    },
    start: async () => {
      if (server) return;
      server = createSinkServer(sink, () => rejection);
      sink.port = await listen(server, sink.port);
    },
    close: () => sink.stop(),
  };
  await sink.start();
  return sink;
}

function createSinkServer(sink: SmtpSink, rejection: () => SmtpRejection | null): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 10,
    onConnect: (_session, callback) => {
      sink.connections++;
      callback();
    },
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address: SMTPServerAddress, _session, callback) => {
      const current = rejection();
      const applies = current && (current.at ?? 'rcpt') === 'rcpt' && (!current.recipients || current.recipients.includes(address.address));
      callback(applies ? smtpError(current) : null);
    },
    onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const current = rejection();
        if (current && current.at === 'data') return callback(smtpError(current));
        sink.messages.push(readMessage(Buffer.concat(chunks).toString('utf8'), session));
        callback(null);
      });
    },
  });
}

function smtpError(rejection: SmtpRejection): Error {
  const text = rejection.message ?? (rejection.code >= 500 ? 'mailbox unavailable' : 'try again later');
  return Object.assign(new Error(text), { responseCode: rejection.code });
}

async function listen(server: SMTPServer, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  server.on('error', () => undefined);
  return (server.server.address() as { port: number }).port;
}

async function closeServer(server: SMTPServer): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function readMessage(raw: string, session: SMTPServerSession): SinkMessage {
  const { headers, body } = splitHeaders(raw);
  const parts = mimeParts(headers, body);
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
    user: typeof session.user === 'string' ? session.user : null,
    raw,
    headers,
    subject: decodeEncodedWords(headers.subject ?? ''),
    text: parts['text/plain'] ?? null,
    html: parts['text/html'] ?? null,
  };
}

function splitHeaders(entity: string): { headers: Record<string, string>; body: string } {
  const end = entity.indexOf('\r\n\r\n');
  const head = end < 0 ? entity : entity.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: end < 0 ? '' : entity.slice(end + 4) };
}

/** The leaf parts of a (possibly multipart) entity by content type, decoded. */
function mimeParts(headers: Record<string, string>, body: string): Record<string, string> {
  const type = (headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
  const boundary = headers['content-type']?.match(/boundary="?([^";]+)"?/i)?.[1];
  if (!type.startsWith('multipart/') || !boundary) return { [type]: decodeTransfer(body, headers['content-transfer-encoding']) };
  const found: Record<string, string> = {};
  for (const section of body.split(`--${boundary}`).slice(1)) {
    if (section.startsWith('--')) break;
    const part = splitHeaders(section.replace(/^\r\n/, ''));
    Object.assign(found, mimeParts(part.headers, part.body.replace(/\r\n$/, '')));
  }
  return found;
}

function decodeTransfer(body: string, encoding = '7bit'): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text[index] === '=' ? text.slice(index + 1, index + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `=?UTF-8?Q?...?=` / `=?UTF-8?B?...?=` words (RFC 2047); whitespace between adjacent words is dropped. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_word, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`SMTP sink: no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
