import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class ListSitesQuery extends PageQuery {
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
