import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DetectionDto } from './detection.dto';
import { DNS_RECORD_TYPES, DnsRecordType, HOP_ROLES, HopRole, HttpMethod, SITE_STATES, SiteState } from '@hopwatch/domain';

export class BackendResponse {
  @ApiProperty() address!: string;
  @ApiProperty() name!: string;
}

export class HopResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HOP_ROLES }) role!: HopRole;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) connectTo!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hostHeader!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) expectStatus!: string | null;
  @ApiPropertyOptional({ nullable: true, type: [BackendResponse] }) backends!: BackendResponse[] | null;
}

export class DnsCheckResponse {
  @ApiProperty({ type: [String], example: ['system', '1.1.1.1'] }) resolvers!: string[];
  @ApiProperty({ enum: DNS_RECORD_TYPES, nullable: true, description: 'dns:// sites only' }) recordType!: DnsRecordType | null;
  @ApiProperty({ type: [String], nullable: true, description: 'dns:// sites only' }) expect!: string[] | null;
}

export class PushMonitorResponse {
  @ApiProperty({ example: 'https://hopwatch.example.com/ping/3q2-7wEAAAAAAAAAAAAAAA', description: 'Ping this on success; append /start when the job starts and /fail when it fails' })
  pingUrl!: string;
  @ApiProperty() periodSeconds!: number;
  @ApiProperty() graceSeconds!: number;
  @ApiProperty({ nullable: true, type: String }) lastSuccessAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastStartAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastFailAt!: string | null;
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
  @ApiProperty({ type: DnsCheckResponse }) dns!: DnsCheckResponse;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) alertChannelIds!: string[];
  @ApiProperty() confirmations!: number;
  @ApiProperty() recoveries!: number;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: DetectionDto, description: 'Overrides of the detection defaults' }) detection!: DetectionDto;
  @ApiProperty({ type: PushMonitorResponse, nullable: true, description: 'Set on push (heartbeat) monitors' }) push!: PushMonitorResponse | null;
  @ApiProperty({ description: 'When the next check is due' }) nextRunAt!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class SiteUptimeResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'Entry uptime %, the current hour and the 23 before it (UTC)' })
  last24h!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Entry uptime %, today and the 29 days before it (UTC)' })
  last30d!: number | null;
}

export class SiteListItemResponse extends SiteResponse {
  @ApiProperty({
    enum: SITE_STATES,
    description: 'From each region’s newest entry check (newer than 3 intervals + 2 min): down if one failed; unknown if none is recent',
  })
  state!: SiteState;
  @ApiProperty({ type: SiteUptimeResponse }) uptime!: SiteUptimeResponse;
}

export class SiteListResponse {
  @ApiProperty({ type: [SiteListItemResponse] }) items!: SiteListItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
