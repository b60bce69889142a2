import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { HopwatchConfig } from '../config/config.schema';
import { loggerOptions } from './logger-options';

/** Structured logs through pino: pretty on a terminal, JSON otherwise, never a secret (see logger-options). */
@Module({})
export class LoggingModule {
  static forRoot(config: HopwatchConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot(loggerOptions(config, process.stdout.isTTY === true))],
    };
  }
}
