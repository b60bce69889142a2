import { SetMetadata } from '@nestjs/common';
import type { HopwatchConfig } from '@hopwatch/platform';

export const IS_PUBLIC = 'hopwatch:public';

export type PublicCondition = (config: HopwatchConfig) => boolean;

/** Routes callable without an API key: always, or when the configuration says so. */
export const Public = (condition: PublicCondition = () => true) => SetMetadata(IS_PUBLIC, condition);
