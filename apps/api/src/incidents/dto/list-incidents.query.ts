import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class ListIncidentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'], { message: 'status must be one of open, resolved' })
  status?: 'open' | 'resolved';
}
