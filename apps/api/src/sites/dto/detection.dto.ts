import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DETECTION_LIMITS } from '@hopwatch/domain';

/** Overrides of the detection defaults for one site; leave a field out to keep its default. */
export class DetectionDto {
  @ApiPropertyOptional({ minimum: DETECTION_LIMITS.rateWindow.min, maximum: DETECTION_LIMITS.rateWindow.max, default: 10, description: 'Recent entry checks the 502/503/504 rate rule looks at' })
  @IsOptional()
  @IsInt()
  @Min(DETECTION_LIMITS.rateWindow.min)
  @Max(DETECTION_LIMITS.rateWindow.max)
  rateWindow?: number;

  @ApiPropertyOptional({ minimum: DETECTION_LIMITS.rateThreshold.min, maximum: DETECTION_LIMITS.rateThreshold.max, default: 0.2, description: 'Share of those checks failing with 502/503/504 that opens an incident' })
  @IsOptional()
  @IsNumber()
  @Min(DETECTION_LIMITS.rateThreshold.min)
  @Max(DETECTION_LIMITS.rateThreshold.max)
  rateThreshold?: number;

  @ApiPropertyOptional({ minimum: DETECTION_LIMITS.flapLimit.min, maximum: DETECTION_LIMITS.flapLimit.max, default: 4, description: 'Open/resolve flips in the flap window beyond which an incident flaps' })
  @IsOptional()
  @IsInt()
  @Min(DETECTION_LIMITS.flapLimit.min)
  @Max(DETECTION_LIMITS.flapLimit.max)
  flapLimit?: number;

  @ApiPropertyOptional({ minimum: DETECTION_LIMITS.flapWindowMinutes.min, maximum: DETECTION_LIMITS.flapWindowMinutes.max, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(DETECTION_LIMITS.flapWindowMinutes.min)
  @Max(DETECTION_LIMITS.flapWindowMinutes.max)
  flapWindowMinutes?: number;
}
