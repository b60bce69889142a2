import { Module } from '@nestjs/common';
import { createTargetPolicy, TargetPolicy } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';

/** The target policy (DESIGN §6) built once from HOPWATCH_TARGET_ALLOW/DENY, for probes, webhooks and registration checks. */
export const TARGET_POLICY = Symbol('TARGET_POLICY');

@Module({
  providers: [
    {
      provide: TARGET_POLICY,
      useFactory: (config: HopwatchConfig): TargetPolicy => createTargetPolicy({ allow: config.targetAllow, deny: config.targetDeny }),
      inject: [HOPWATCH_CONFIG],
    },
  ],
  exports: [TARGET_POLICY],
})
export class TargetPolicyModule {}
