import { DynamicModule, Module } from '@nestjs/common';
import { createTargetPolicy, TargetPolicy } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';

/** The target policy (DESIGN §6) built once from HOPWATCH_TARGET_ALLOW/DENY, for probes, webhooks and registration checks. */
export const TARGET_POLICY = Symbol('TARGET_POLICY');

@Module({})
export class TargetPolicyModule {
  /** `config`: the process's ConfigModule. */
  static forRoot(config: DynamicModule): DynamicModule {
    return {
      module: TargetPolicyModule,
      imports: [config],
      providers: [
        {
          provide: TARGET_POLICY,
          useFactory: (hopwatchConfig: HopwatchConfig): TargetPolicy => createTargetPolicy({ allow: hopwatchConfig.targetAllow, deny: hopwatchConfig.targetDeny }),
          inject: [HOPWATCH_CONFIG],
        },
      ],
      exports: [TARGET_POLICY],
    };
  }
}
