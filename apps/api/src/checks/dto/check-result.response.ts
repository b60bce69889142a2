import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_STATES, CheckState } from '@hopwatch/domain';

export class TimingsResponse {
  @ApiProperty({ nullable: true, type: Number }) dnsMs!: number | null;
  @ApiProperty({ nullable: true, type: Number }) connectMs!: number | null;
  @ApiProperty({ nullable: true, type: Number }) tlsMs!: number | null;
  @ApiProperty({ nullable: true, type: Number }) ttfbMs!: number | null;
  @ApiProperty() totalMs!: number;
}

export class TlsInfoResponse {
  @ApiProperty({ nullable: true, type: String }) servername!: string | null;
  @ApiProperty({ nullable: true, type: String }) issuer!: string | null;
  @ApiProperty({ nullable: true, type: String }) subject!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the certificate expires' }) validTo!: string | null;
  @ApiProperty({ description: 'Whether the chain verified' }) authorized!: boolean;
}

export class DnsInfoResponse {
  @ApiProperty() resolver!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty({ enum: ['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'TIMEOUT', 'OTHER'] }) rcode!: string;
  @ApiProperty({ type: [String] }) answers!: string[];
  @ApiPropertyOptional({ description: "Whether the run's resolvers disagreed" }) disagreement?: boolean;
}

export class CheckResultResponse {
  @ApiPropertyOptional({ description: 'Absent on a run-now answer that has not been read back from storage' }) id?: string;
  @ApiProperty({ description: '`entry`, a hop name or `dns:<resolver>`' }) target!: string;
  @ApiProperty({ enum: ['http', 'tcp', 'dns'] }) kind!: string;
  @ApiProperty() region!: string;
  @ApiProperty() slot!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ description: 'The check met its expectation. False for a missed slot too: read `state` to tell down from missed' }) ok!: boolean;
  @ApiProperty({ enum: CHECK_STATES, description: '`up`, `down`, or `missed` for a slot that could not be checked in time (error `MISSED`), which counts neither as up nor as down' })
  state!: CheckState;
  @ApiProperty({ nullable: true, type: Number }) status!: number | null;
  @ApiProperty({ nullable: true, type: String }) errorCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) errorMessage!: string | null;
  @ApiProperty({ type: TimingsResponse }) timings!: TimingsResponse;
  @ApiProperty({ nullable: true, type: String }) remoteAddress!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) bodySnippet!: string | null;
  @ApiProperty({ nullable: true, type: TlsInfoResponse }) tls!: TlsInfoResponse | null;
  @ApiProperty({ nullable: true, type: DnsInfoResponse }) dns!: DnsInfoResponse | null;
  @ApiProperty({ nullable: true, type: String }) gateway!: string | null;
}

export class CheckResultPage {
  @ApiProperty({ type: [CheckResultResponse] }) items!: CheckResultResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

export class RegionRunResponse {
  @ApiProperty() region!: string;
  @ApiPropertyOptional({ description: 'Why this region gave no results' }) error?: string;
  @ApiProperty({ description: 'True when the resolvers returned different answers' }) dnsDisagreement!: boolean;
  @ApiProperty({ type: [CheckResultResponse] }) results!: CheckResultResponse[];
}

export class RunNowResponse {
  @ApiProperty() siteId!: string;
  @ApiProperty() slot!: string;
  @ApiProperty({ type: [RegionRunResponse] }) regions!: RegionRunResponse[];
}
