// The data of each event on GET /api/v1/events, described for the OpenAPI document (SSE bodies have no schema of their own).
import { ApiProperty } from '@nestjs/swagger';
import type { CheckRunEvent, IncidentEvent } from '@hopwatch/queue';

export class CheckRunEventData implements CheckRunEvent {
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ description: 'The slot’s start, ISO 8601' }) slot!: string;
  @ApiProperty({ description: 'Whether the entry check passed' }) ok!: boolean;
  @ApiProperty({ nullable: true, type: Number }) entryStatus!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'ECONNREFUSED' }) entryErrorCode!: string | null;
  @ApiProperty() totalMs!: number;
}

export class IncidentEventData implements IncidentEvent {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: 'open' | 'resolved';
  @ApiProperty({ enum: ['opened', 'updated', 'flapping', 'reopened', 'resolved', 'maintenance'] }) kind!: string;
}
