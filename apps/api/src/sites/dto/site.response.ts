import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOP_ROLES, HopRole, HttpMethod } from '@hopwatch/domain';

export class HopResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HOP_ROLES }) role!: HopRole;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) connectTo!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hostHeader!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) expectStatus!: string | null;
}

export class SiteResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['GET', 'HEAD'] }) method!: HttpMethod;
  @ApiProperty() intervalSeconds!: number;
  @ApiProperty() timeoutMs!: number;
  @ApiProperty() expectStatus!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) bodyContains!: string | null;
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ type: [HopResponse] }) hops!: HopResponse[];
  @ApiProperty({ example: { resolvers: ['system'] } }) dns!: { resolvers: string[] };
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) alertChannelIds!: string[];
  @ApiProperty() confirmations!: number;
  @ApiProperty() recoveries!: number;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ description: 'When the next check is due' }) nextRunAt!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class SiteListResponse {
  @ApiProperty({ type: [SiteResponse] }) items!: SiteResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
