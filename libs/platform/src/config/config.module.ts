import { Global, Module } from '@nestjs/common';
import { HopwatchConfig } from './config.schema';
import { loadConfig } from './load-config';

export const HOPWATCH_CONFIG = Symbol('HOPWATCH_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: HopwatchConfig = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: HOPWATCH_CONFIG, useValue: config }],
      exports: [HOPWATCH_CONFIG],
    };
  }
}
