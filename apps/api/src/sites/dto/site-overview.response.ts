import { ApiProperty } from '@nestjs/swagger';
import { OVERVIEW_STATES, OverviewState, PERIOD_WORSTS, PeriodWorst } from '@hopwatch/domain';

export class OverviewIncidentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['persistent', 'intermittent', 'flapping', 'regional'] }) pattern!: string;
  @ApiProperty({ example: 'origin_down' }) cause!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The innermost unhealthy hop, or entry' }) failingHop!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The hop whose response carried the error' }) reportedBy!: string | null;
  @ApiProperty({ example: 'nginx' }) gateway!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
}

export class SiteOverviewUptimeResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'Entry uptime %, the current hour and the 23 before it (UTC)' }) last24h!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Entry uptime %, today and the 29 days before it (UTC)' }) last30d!: number | null;
}

export class SiteOverviewItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty() intervalSeconds!: number;
  @ApiProperty() paused!: boolean;
  @ApiProperty({
    enum: OVERVIEW_STATES,
    description:
      'paused; maintenance (in a window); unknown (no check in 3 intervals + 2 min); down (every region’s newest entry check failed); ' +
      'degraded (some region’s failed, or an incident is open while checks pass); up',
  })
  state!: OverviewState;
  @ApiProperty({ enum: PERIOD_WORSTS, isArray: true, description: 'The 24 h strip, oldest first: each segment’s worst result' }) segments!: PeriodWorst[];
  @ApiProperty({ type: SiteOverviewUptimeResponse }) uptime!: SiteOverviewUptimeResponse;
  @ApiProperty({ nullable: true, type: Number, description: 'Entry latency p95 over the strip’s 24 h (successful checks, ±9 %)' }) p95Ms!: number | null;
  @ApiProperty({ nullable: true, type: OverviewIncidentResponse }) openIncident!: OverviewIncidentResponse | null;
}

export class SiteOverviewResponse {
  @ApiProperty({ description: 'Start of the strip’s first segment (ISO 8601, a whole UTC hour)' }) stripFrom!: string;
  @ApiProperty({ description: 'Length of one strip segment' }) segmentSeconds!: number;
  @ApiProperty({ type: [SiteOverviewItemResponse] }) items!: SiteOverviewItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
