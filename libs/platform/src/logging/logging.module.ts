import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { HopwatchConfig } from '../config/config.schema';

/** Structured JSON logs; secrets in headers never reach them. */
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
            autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
            customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
          },
        }),
      ],
    };
  }
}
