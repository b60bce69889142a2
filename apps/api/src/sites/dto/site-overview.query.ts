import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { STRIP_SEGMENT_COUNTS } from '@hopwatch/domain';
import { OffsetParam, OptionalInteger } from '../../common/page.query';

export class SiteOverviewQuery {
  @ApiPropertyOptional({ default: 24, enum: STRIP_SEGMENT_COUNTS, description: 'Segments of the 24 h strip; each is a whole number of hours' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([...STRIP_SEGMENT_COUNTS], { message: `segments must be one of ${STRIP_SEGMENT_COUNTS.join(', ')} (the strip is built from hourly rollups)` })
  segments?: number;

  @OptionalInteger({ minimum: 1, maximum: 1000, default: 1000 })
  limit?: number;

  @OffsetParam()
  offset?: number;

  @ApiPropertyOptional({ description: 'Only sites carrying this tag; comma-separate for several (all must match)', example: 'prod' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((tag) => tag.trim()).filter(Boolean) : value))
  @IsString({ each: true })
  tag?: string[];

  @ApiPropertyOptional({ description: 'Only sites whose name contains this, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
