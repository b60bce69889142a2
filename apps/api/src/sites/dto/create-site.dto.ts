import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
  MinLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { HTTP_METHODS, HttpMethod, SITE_LIMITS } from '@hopwatch/domain';
import { IsExpectStatus, IsHopUrl, IsResolver, UniqueNames } from '../../common/validators';
import { DetectionDto } from './detection.dto';
import { PushDto } from './push.dto';
import { HopDto } from './hop.dto';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/i;
const NAME_MESSAGE = 'must be 1-63 letters, digits, ".", "_" or "-"';

export class DnsCheckDto {
  @ApiProperty({ example: ['system', '1.1.1.1', '127.0.0.1:5353'], description: 'Resolvers that must agree on the entry hostname' })
  @IsArray()
  @ArrayMaxSize(SITE_LIMITS.maxResolvers)
  @ArrayUnique()
  @IsResolver({ each: true })
  resolvers!: string[];
}

export class CreateSiteDto {
  @ApiProperty({ example: 'shop' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    example: 'https://shop.example.com/',
    description: 'The public entry: an http(s):// URL, or tcp://host:port for a TCP site (up when it accepts a connection). Required, except for push monitors (hopwatch gives those their URL).',
  })
  @ValidateIf((site: CreateSiteDto) => site.push === undefined)
  @IsHopUrl()
  url?: string;

  @ApiPropertyOptional({ enum: HTTP_METHODS, default: 'GET' })
  @IsOptional()
  @IsIn(HTTP_METHODS, { message: `method must be one of ${HTTP_METHODS.join(', ')}` })
  method?: HttpMethod;

  @ApiPropertyOptional({ minimum: SITE_LIMITS.intervalSeconds.min, maximum: SITE_LIMITS.intervalSeconds.max, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(SITE_LIMITS.intervalSeconds.min)
  @Max(SITE_LIMITS.intervalSeconds.max)
  intervalSeconds?: number;

  @ApiPropertyOptional({ minimum: SITE_LIMITS.timeoutMs.min, maximum: SITE_LIMITS.timeoutMs.max, default: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(SITE_LIMITS.timeoutMs.min)
  @Max(SITE_LIMITS.timeoutMs.max)
  timeoutMs?: number;

  @ApiPropertyOptional({ example: '200-399', default: '200-399' })
  @IsOptional()
  @IsExpectStatus()
  expectStatus?: string;

  @ApiPropertyOptional({ example: 'Welcome', description: 'Text the entry body must contain' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  bodyContains?: string;

  @ApiPropertyOptional({ example: ['default'], default: ['default'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SITE_LIMITS.maxRegions)
  @ArrayUnique()
  @Matches(NAME, { each: true, message: `each value in regions ${NAME_MESSAGE}` })
  regions?: string[];

  @ApiPropertyOptional({ type: [HopDto], description: 'The upstream chain, outermost first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SITE_LIMITS.maxHops)
  @UniqueNames()
  @ValidateNested({ each: true })
  @Type(() => HopDto)
  hops?: HopDto[];

  @ApiPropertyOptional({ type: DnsCheckDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DnsCheckDto)
  dns?: DnsCheckDto;

  @ApiPropertyOptional({ example: ['prod', 'eu'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SITE_LIMITS.maxTags)
  @ArrayUnique()
  @Matches(NAME, { each: true, message: `each value in tags ${NAME_MESSAGE}` })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  alertChannelIds?: string[];

  @ApiPropertyOptional({ default: 2, description: 'Consecutive failures that open an incident' })
  @IsOptional()
  @IsInt()
  @Min(SITE_LIMITS.confirmations.min)
  @Max(SITE_LIMITS.confirmations.max)
  confirmations?: number;

  @ApiPropertyOptional({ default: 2, description: 'Consecutive successes that resolve an incident' })
  @IsOptional()
  @IsInt()
  @Min(SITE_LIMITS.recoveries.min)
  @Max(SITE_LIMITS.recoveries.max)
  recoveries?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  paused?: boolean;

  @ApiPropertyOptional({ type: PushDto, description: 'Makes this a push (heartbeat) monitor: the job pings the URL hopwatch gives; leave out url, hops and dns' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PushDto)
  push?: PushDto;

  @ApiPropertyOptional({ type: DetectionDto, description: 'Overrides of the detection defaults' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DetectionDto)
  detection?: DetectionDto;
}
