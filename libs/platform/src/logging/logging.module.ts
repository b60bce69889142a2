import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { HopwatchConfig } from '../config/config.schema';
import { loggableError, secretRedactor } from './log-redaction';

/** Structured JSON logs; secrets never reach them: not in headers, not in error parameters, not in any text. */
@Module({})
export class LoggingModule {
  static forRoot(config: HopwatchConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: { err: loggableError, error: loggableError },
            hooks: { streamWrite: secretRedactor([config.adminKey, config.secretKey?.toString('base64'), config.secretKey?.toString('hex')]) },
            autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
            customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
          },
        }),
      ],
    };
  }
}
