import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PUSH_LIMITS } from '@hopwatch/domain';

/** A push (heartbeat) monitor's expectations: a ping every period, with some grace before it counts as missed. */
export class PushDto {
  @ApiProperty({ minimum: PUSH_LIMITS.periodSeconds.min, maximum: PUSH_LIMITS.periodSeconds.max, example: 3600, description: 'How often the job pings' })
  @IsInt()
  @Min(PUSH_LIMITS.periodSeconds.min)
  @Max(PUSH_LIMITS.periodSeconds.max)
  periodSeconds!: number;

  @ApiPropertyOptional({
    minimum: PUSH_LIMITS.graceSeconds.min,
    maximum: PUSH_LIMITS.graceSeconds.max,
    default: PUSH_LIMITS.graceSeconds.default,
    description: 'How late a ping may be before the monitor is down',
  })
  @IsOptional()
  @IsInt()
  @Min(PUSH_LIMITS.graceSeconds.min)
  @Max(PUSH_LIMITS.graceSeconds.max)
  graceSeconds?: number;
}
