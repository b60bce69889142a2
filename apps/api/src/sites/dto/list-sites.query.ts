import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListSitesQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ description: 'Only sites carrying this tag; comma-separate for several (all must match)', example: 'prod' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((tag) => tag.trim()).filter(Boolean) : value))
  @IsString({ each: true })
  tag?: string[];

  @ApiPropertyOptional({ enum: ['active', 'paused'] })
  @IsOptional()
  @IsIn(['active', 'paused'], { message: 'status must be one of active, paused' })
  status?: 'active' | 'paused';
}
