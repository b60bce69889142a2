import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Deeper than any real listing goes; beyond it PostgreSQL would still have to walk every skipped row. */
export const MAX_OFFSET = 1_000_000;

/** An optional whole-number query parameter with its bounds, documented and validated alike. */
export function OptionalInteger(bounds: { minimum: number; maximum: number; default: number }): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional(bounds), IsOptional(), Type(() => Number), IsInt(), Min(bounds.minimum), Max(bounds.maximum));
}

/** `offset` of every offset-paged listing. */
export const OffsetParam = (): PropertyDecorator => OptionalInteger({ minimum: 0, maximum: MAX_OFFSET, default: 0 });

export class PageQuery {
  @OptionalInteger({ minimum: 1, maximum: 500, default: 50 })
  limit?: number;

  @OffsetParam()
  offset?: number;
}
