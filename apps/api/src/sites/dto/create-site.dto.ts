import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
  MinLength, ValidateIf,
} from 'class-validator';
import { DNS_EXPECT_LIMITS, DNS_RECORD_TYPES, DnsRecordType, HTTP_METHODS, HttpMethod, SITE_LIMITS } from '@hopwatch/domain';
import { IsExpectStatus, IsResolver, IsSiteUrl, NestedObject, NestedObjects, UniqueNames } from '../../common/validators';
import { DetectionDto } from './detection.dto';
import { PushDto } from './push.dto';
import { HopDto } from './hop.dto';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/i;
const NAME_MESSAGE = 'must be 1-63 letters, digits, ".", "_" or "-"';

export class DnsCheckDto {
  @ApiProperty({ example: ['system', '1.1.1.1', '127.0.0.1:5353'], description: 'Resolvers that must agree on the entry hostname (for a dns:// site: the resolvers it is checked on; default system)' })
  @IsArray()
  @ArrayMaxSize(SITE_LIMITS.maxResolvers)
  @ArrayUnique()
  @IsResolver({ each: true })
  resolvers!: string[];

  @ApiPropertyOptional({ enum: DNS_RECORD_TYPES, description: 'dns:// sites only: the record type asked for; A when left out' })
  @IsOptional()
  @IsIn(DNS_RECORD_TYPES, { message: `recordType must be one of ${DNS_RECORD_TYPES.join(', ')}` })
  recordType?: DnsRecordType;

  @ApiPropertyOptional({ example: ['192.0.2.10'], description: 'dns:// sites only (required there): answers that must all be given, e.g. "10 mx.example.com" for MX' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DNS_EXPECT_LIMITS.maxValues)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(DNS_EXPECT_LIMITS.maxLength, { each: true })
  expect?: string[];
}

export class CreateSiteDto {
  @ApiProperty({ example: 'shop' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    example: 'https://shop.example.com/',
    description:
      'The public entry: an http(s):// URL; tcp://host:port for a TCP site (up when it accepts a connection); dns://name for a DNS site (see dns.recordType and dns.expect). Required, except for push monitors (hopwatch gives those their URL).',
  })
  @ValidateIf((site: CreateSiteDto) => site.push === undefined)
  @IsSiteUrl()
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
  @ArrayMinSize(1, { message: 'regions must list at least one region; leave it out for ["default"]' })
  @ArrayMaxSize(SITE_LIMITS.maxRegions)
  @ArrayUnique()
  @Matches(NAME, { each: true, message: `each value in regions ${NAME_MESSAGE}` })
  regions?: string[];

  @ApiPropertyOptional({ type: [HopDto], description: 'The upstream chain, outermost first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SITE_LIMITS.maxHops)
  @UniqueNames()
  @NestedObjects(() => HopDto)
  hops?: HopDto[];

  @ApiPropertyOptional({ type: DnsCheckDto })
  @IsOptional()
  @NestedObject(() => DnsCheckDto)
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
  @NestedObject(() => PushDto)
  push?: PushDto;

  @ApiPropertyOptional({ type: DetectionDto, description: 'Overrides of the detection defaults' })
  @IsOptional()
  @NestedObject(() => DetectionDto)
  detection?: DetectionDto;
}
