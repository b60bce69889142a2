// How hopwatch logs: readable lines on a terminal, one JSON object per line everywhere else; requests
// at debug unless they went wrong; secrets never written: not in headers, not in error parameters, not in any text.
import type { Params } from 'nestjs-pino';
import type { HopwatchConfig } from '../config/config.schema';
import { loggableError, secretRedactor } from './log-redaction';

export type HttpLogLevel = 'debug' | 'warn' | 'error';

/** A request worth a look is a failed one: 5xx (and errors) at error, 4xx at warn, everything else at debug. */
export function httpLogLevel(statusCode: number, error: unknown): HttpLogLevel {
  if (error || statusCode >= 500) return 'error';
  if (statusCode >= 400) return 'warn';
  return 'debug';
}

/** `terminal`: stdout is a TTY, so a person reads it (pino-pretty); otherwise a collector does (JSON). */
export function loggerOptions(config: Pick<HopwatchConfig, 'logLevel' | 'adminKey' | 'secretKey'>, terminal: boolean): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { err: loggableError, error: loggableError },
      hooks: { streamWrite: secretRedactor([config.adminKey, config.secretKey?.toString('base64'), config.secretKey?.toString('hex')]) },
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
      customLogLevel: (_request, response, error) => httpLogLevel(response.statusCode, error),
      ...(terminal ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
    },
  };
}
