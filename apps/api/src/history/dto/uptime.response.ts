import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LatencyResponse {
  @ApiProperty({ description: 'Exact average of successful checks' }) avg!: number;
  @ApiProperty({ description: 'From the latency histogram: within 9.05 % of the exact value' }) p50!: number;
  @ApiProperty() p95!: number;
  @ApiProperty() p99!: number;
}

export class UptimeFiguresResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'up / checks × 100; null when nothing was checked' })
  uptimePercent!: number | null;
  @ApiProperty() checks!: number;
  @ApiProperty() up!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'Slots recorded as never checked; not counted as checks' }) missed!: number;
  @ApiProperty() count502!: number;
  @ApiProperty() count503!: number;
  @ApiProperty() count504!: number;
  @ApiProperty() count5xx!: number;
  @ApiProperty() timeouts!: number;
  @ApiProperty({ description: 'Time covered by failing checks, from the slot of the first failure to the slot of the first success' })
  downtimeSeconds!: number;
  @ApiPropertyOptional({ nullable: true, type: LatencyResponse, description: 'Milliseconds, successful checks only' })
  latencyMs!: LatencyResponse | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Per HTTP status; checks without an HTTP answer under their error code',
    example: { '200': 2870, '502': 3, ETIMEDOUT: 1 },
  })
  statusCounts!: Record<string, number>;
}

export class TargetUptimeResponse extends UptimeFiguresResponse {
  @ApiProperty({ description: '`entry`, a hop name or `dns:<resolver>`' }) target!: string;
}

export class RegionUptimeResponse extends UptimeFiguresResponse {
  @ApiProperty() region!: string;
}

export class IncidentInRangeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() status!: string;
  @ApiProperty() pattern!: string;
  @ApiProperty({ nullable: true, type: String }) cause!: string | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
}

export class UptimeResponse extends UptimeFiguresResponse {
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ description: 'Start of the range answered (an edge older than raw retention widens to its hour)' }) from!: string;
  @ApiProperty({ description: 'End of the range answered, exclusive' }) to!: string;
  @ApiProperty({ type: [TargetUptimeResponse] }) targets!: TargetUptimeResponse[];
  @ApiProperty({ type: [RegionUptimeResponse], description: 'The entry target per region' }) regions!: RegionUptimeResponse[];
  @ApiProperty({ type: [IncidentInRangeResponse], description: 'Incidents open at any time in the range' })
  incidents!: IncidentInRangeResponse[];
}

export class UptimePointResponse extends UptimeFiguresResponse {
  @ApiProperty({ description: 'Start of the bucket' }) start!: string;
}

export class UptimeSeriesResponse {
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: ['5m', '1h', '1d'] }) bucket!: string;
  @ApiProperty() target!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null: all regions combined' }) region!: string | null;
  @ApiProperty({ type: [UptimePointResponse], description: 'Every bucket of the range, empty ones included' })
  points!: UptimePointResponse[];
}
