import { ApiProperty } from '@nestjs/swagger';
import { PAGE_STATES, PageState, PERIOD_WORSTS, PeriodWorst, PUBLIC_SITE_STATES, PublicSiteState } from '@hopwatch/domain';

export class PublicDayResponse {
  @ApiProperty({ example: '2026-12-01', description: 'A UTC day' }) date!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Entry uptime %, null when nothing was checked' }) uptimePercent!: number | null;
  @ApiProperty({ enum: PERIOD_WORSTS, description: 'up: all passed; degraded: some failed; down: under 95 % passed; none: no checks' }) worst!: PeriodWorst;
}

export class PublicSiteResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PUBLIC_SITE_STATES }) state!: PublicSiteState;
  @ApiProperty({ nullable: true, type: Number, description: 'Entry uptime % over the 90 days' }) uptime90d!: number | null;
  @ApiProperty({ type: [PublicDayResponse], description: '90 UTC days, oldest first, today last' }) days!: PublicDayResponse[];
}

export class PublicIncidentResponse {
  @ApiProperty({ description: 'The site’s name' }) site!: string;
  @ApiProperty({ enum: ['outage', 'degraded'] }) impact!: 'outage' | 'degraded';
  @ApiProperty({ description: 'The cause in plain words' }) cause!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ description: 'Until it was resolved, or until now' }) durationSeconds!: number;
}

export class PublicIncidentsResponse {
  @ApiProperty({ type: [PublicIncidentResponse] }) current!: PublicIncidentResponse[];
  @ApiProperty({ type: [PublicIncidentResponse], description: 'Resolved in the last 14 days, newest first' }) past!: PublicIncidentResponse[];
}

export class PublicStatusResponse {
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: PAGE_STATES }) state!: PageState;
  @ApiProperty({ description: 'When these figures were read (at most 5 s before the response)' }) updatedAt!: string;
  @ApiProperty({ type: [PublicSiteResponse] }) sites!: PublicSiteResponse[];
  @ApiProperty({ type: PublicIncidentsResponse }) incidents!: PublicIncidentsResponse;
}
