import { Global, Module } from '@nestjs/common';
import { HopwatchConfig } from './config.schema';
import { loadSecretBox } from '../secrets/secret-key-file';
import { SecretBox } from '../secrets/secret-box';
import { loadConfig } from './load-config';

export const HOPWATCH_CONFIG = Symbol('HOPWATCH_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: HopwatchConfig = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: HOPWATCH_CONFIG, useValue: config }, { provide: SecretBox, useFactory: () => loadSecretBox(config) }],
      exports: [HOPWATCH_CONFIG, SecretBox],
    };
  }
}
