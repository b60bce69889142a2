import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, NotContains, ValidateNested } from 'class-validator';
import { HOP_ROLES, HopRole, MAX_BACKENDS } from '@hopwatch/domain';
import { IsConnectTo, IsExpectStatus, IsHopUrl, UniqueNames } from '../../common/validators';
import { BackendDto, OnlyOnHttpLoadBalancers } from './backend.dto';

export class HopDto {
  @ApiProperty({ example: 'origin', description: 'Unique within the site; "entry" is reserved for the site itself' })
  @IsString()
  @Matches(/^(?!entry$)(?!dns:)[a-z0-9][a-z0-9_.-]{0,62}$/i, {
    message: 'name must be 1-63 letters, digits, ".", "_" or "-", and not "entry" or "dns:…"',
  })
  name!: string;

  @ApiProperty({ enum: HOP_ROLES, example: 'app' })
  @IsIn(HOP_ROLES, { message: `role must be one of ${HOP_ROLES.join(', ')}` })
  role!: HopRole;

  @ApiProperty({ example: 'https://origin.example.com/health', description: 'http(s):// URL, or tcp://host:port for a TCP connect check' })
  @IsHopUrl()
  url!: string;

  @ApiPropertyOptional({ example: '10.0.0.5:8080', description: 'Connect to this address but keep the URL\'s Host and SNI (like curl --resolve)' })
  @IsOptional()
  @IsConnectTo()
  connectTo?: string;

  @ApiPropertyOptional({ example: 'www.example.com', description: 'Host header to send instead of the URL\'s host' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @NotContains('\n', { message: 'hostHeader must be a single line' })
  hostHeader?: string;

  @ApiPropertyOptional({ example: '200-299', description: 'Statuses that count as healthy for this hop (default: the site\'s)' })
  @IsOptional()
  @IsExpectStatus()
  expectStatus?: string;

  @ApiPropertyOptional({ type: [BackendDto], description: 'load_balancer hops: the servers behind it, each probed directly on every run' })
  @IsOptional()
  @OnlyOnHttpLoadBalancers()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_BACKENDS)
  @ArrayUnique((backend: BackendDto) => backend?.address, { message: 'backends must have unique addresses' })
  @UniqueNames()
  @ValidateNested({ each: true })
  @Type(() => BackendDto)
  backends?: BackendDto[];
}
