import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIAGNOSIS_HINTS, DiagnosisHint } from '@hopwatch/domain';
import { CheckResultResponse } from '../../checks/dto/check-result.response';

export class EvidenceResponse {
  @ApiProperty() observation!: string;
  @ApiProperty({ type: [String] }) resultIds!: string[];
}

export class DiagnosisResponse {
  @ApiProperty({ example: 'origin_down' }) cause!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The innermost hop that is itself unhealthy' }) failingHop!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The hop whose answer carried the error' }) reportedBy!: string | null;
  @ApiProperty({ example: 'nginx' }) gateway!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence!: number;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Nearest RFC 9209 Proxy-Status error type' }) proxyStatus!: string | null;
  @ApiProperty({ type: [EvidenceResponse] }) evidence!: EvidenceResponse[];
  @ApiProperty({ type: [String] }) nextSteps!: string[];
  @ApiProperty({ enum: DIAGNOSIS_HINTS, isArray: true }) hints!: DiagnosisHint[];
}

export class FailureRateResponse {
  @ApiProperty() failures!: number;
  @ApiProperty() checks!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'failures ÷ checks since the first failed check of the episode' }) rate!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Lower end of the 95 % Wilson score interval' }) low!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Upper end of the 95 % Wilson score interval' }) high!: number;
}

export class ObservedWindowResponse {
  @ApiProperty({ description: 'The first failed check of the episode' }) from!: string;
  @ApiProperty({ description: 'The newest check judged' }) to!: string;
  @ApiProperty() checks!: number;
}

export class IncidentMemberResponse {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
}

export class TimelineEntryResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['opened', 'updated', 'flapping', 'resolved'] }) kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed' }) detail!: Record<string, unknown>;
}

export class IncidentCountsResponse {
  @ApiProperty() checks!: number;
  @ApiProperty() failedChecks!: number;
}

export class IncidentLinksResponse {
  @ApiProperty({ example: '/api/v1/incidents/…' }) self!: string;
  @ApiProperty({ example: '/api/v1/sites/…' }) site!: string;
  @ApiProperty({ example: '/api/v1/sites/…/checks?from=…' }) checks!: string;
}

export class IncidentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ enum: ['persistent', 'intermittent', 'flapping', 'regional'] }) pattern!: string;
  @ApiProperty() flapping!: boolean;
  @ApiProperty({ description: 'Part of it fell in a maintenance window: recorded, nobody notified' }) inMaintenance!: boolean;
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ description: 'The first failed check of the episode' }) startedAt!: string;
  @ApiProperty({ description: 'When the open rule fired' }) confirmedAt!: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ description: 'From startedAt until resolution, or until now while open' }) durationSeconds!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set on a member: the root incident of the shared hop it failed at, notified in its place' })
  rootIncidentId!: string | null;
  @ApiProperty({ type: [IncidentMemberResponse], description: 'On a root incident: the other sites\' incidents at the same shared hop' })
  members!: IncidentMemberResponse[];
  @ApiProperty({ type: FailureRateResponse, nullable: true, description: 'Failures since the onset in the failing regions, as last judged' })
  failureRate!: FailureRateResponse | null;
  @ApiProperty({ type: ObservedWindowResponse, nullable: true, description: 'The checks the pattern and failure rate were judged on' })
  window!: ObservedWindowResponse | null;
  @ApiProperty({ type: IncidentCountsResponse }) counts!: IncidentCountsResponse;
  @ApiProperty({ type: DiagnosisResponse }) diagnosis!: DiagnosisResponse;
  @ApiProperty({ type: IncidentLinksResponse }) links!: IncidentLinksResponse;
}

export class IncidentDetailResponse extends IncidentResponse {
  @ApiProperty({ type: [TimelineEntryResponse] }) timeline!: TimelineEntryResponse[];
  @ApiPropertyOptional({ type: [CheckResultResponse], description: 'The check results the evidence points at' })
  evidenceResults!: CheckResultResponse[];
}

export class IncidentListResponse {
  @ApiProperty({ type: [IncidentResponse] }) items!: IncidentResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
