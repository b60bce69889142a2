import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class ListIncidentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'], { message: 'status must be one of open, resolved' })
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only root incidents (those grouping other sites\' incidents at a shared hop); false: all but members of a root' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'root must be true or false' })
  root?: 'true' | 'false';
}
