import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DETECTION_LIMITS } from '@hopwatch/domain';

type Limit = keyof typeof DETECTION_LIMITS;

/** An optional number within the domain's limits for that setting, documented with its default. */
function Setting(limit: Limit, options: { integer: boolean; default: number; description?: string }) {
  const { min, max } = DETECTION_LIMITS[limit];
  return applyDecorators(
    ApiPropertyOptional({ minimum: min, maximum: max, default: options.default, description: options.description }),
    IsOptional(),
    options.integer ? IsInt() : IsNumber(),
    Min(min),
    Max(max),
  );
}

/** Overrides of the detection defaults for one site; leave a field out to keep its default. */
export class DetectionDto {
  @Setting('rateWindow', { integer: true, default: 10, description: 'Recent entry checks the 502/503/504 rate rule looks at' })
  rateWindow?: number;

  @Setting('rateThreshold', { integer: false, default: 0.2, description: 'Share of those checks failing with 502/503/504 that opens an incident' })
  rateThreshold?: number;

  @Setting('flapLimit', { integer: true, default: 4, description: 'Open/resolve flips in the flap window beyond which an incident flaps' })
  flapLimit?: number;

  @Setting('flapWindowMinutes', { integer: true, default: 60 })
  flapWindowMinutes?: number;
}
