import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SERIES_BUCKETS, SeriesBucket, UPTIME_WINDOWS, UptimeWindow } from '@hopwatch/domain';
import { IsInstant } from '../../common/validators';

const WINDOWS = Object.keys(UPTIME_WINDOWS);
const BUCKETS = Object.keys(SERIES_BUCKETS);

export class UptimeQuery {
  @ApiPropertyOptional({ enum: WINDOWS, description: 'The range ending now; default 24h unless from/to are given' })
  @IsOptional()
  @IsIn(WINDOWS, { message: `window must be one of ${WINDOWS.join(', ')}` })
  window?: UptimeWindow;

  @ApiPropertyOptional({ description: 'Start of the range (ISO 8601), instead of a window' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'End of the range, exclusive (ISO 8601); default now' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class UptimeSeriesQuery extends UptimeQuery {
  @ApiPropertyOptional({ enum: BUCKETS, description: 'Bucket size; default 1h up to 31 days, else 1d. 5m covers at most 2 days' })
  @IsOptional()
  @IsIn(BUCKETS, { message: `bucket must be one of ${BUCKETS.join(', ')}` })
  bucket?: SeriesBucket;

  @ApiPropertyOptional({ description: '`entry` (default), a hop name or `dns:<resolver>`' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  target?: string;

  @ApiPropertyOptional({ description: 'One region only; default all, combined' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { message: 'region must be a region name' })
  region?: string;
}
