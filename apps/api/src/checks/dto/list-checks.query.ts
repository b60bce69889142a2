import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalInteger } from '../../common/page.query';
import { IsInstant } from '../../common/validators';

export class ListChecksQuery {
  @ApiPropertyOptional({ description: 'Slots at or after this instant (ISO 8601)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Slots before this instant (ISO 8601)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: '`entry`, a hop name, or `dns:<resolver>`' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  target?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { message: 'region must be a region name' })
  region?: string;

  @OptionalInteger({ minimum: 1, maximum: 1000, default: 100 })
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
