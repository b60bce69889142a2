import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class DependencyCheckResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ example: 'timed out after 2 s' }) error?: string;
}

export class DependencyChecksResponse {
  @ApiProperty({ type: DependencyCheckResponse }) postgres!: DependencyCheckResponse;
  @ApiProperty({ type: DependencyCheckResponse }) redis!: DependencyCheckResponse;
}

export class RegionLatenessResponse {
  @ApiProperty({ example: 'default' }) region!: string;
  @ApiProperty({ description: 'p99 slot lateness over the last 30 s is past HOPWATCH_LATENESS_WARN_SECONDS on a worker of this region' }) behind!: boolean;
  @ApiProperty({ example: 0.4, description: 'worst p99 slot lateness over the last 30 s among the region\'s workers' }) p99LatenessSeconds!: number;
  @ApiProperty({ description: 'checks started in the region over the last 30 s' }) checks!: number;
  @ApiProperty({ type: String, nullable: true, description: 'when the region started running behind' }) behindSince!: string | null;
}

export class PipelineResponse {
  @ApiProperty({ enum: ['ok', 'behind', 'unknown'], description: 'unknown: no worker has reported in the last minute, or Redis is unreachable' })
  status!: 'ok' | 'behind' | 'unknown';
  @ApiProperty({ type: [RegionLatenessResponse] }) regions!: RegionLatenessResponse[];
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'error'], description: 'degraded (still 200): checks are running behind somewhere' })
  status!: 'ok' | 'degraded' | 'error';
  @ApiProperty({ type: DependencyChecksResponse }) checks!: DependencyChecksResponse;
  @ApiProperty({ type: PipelineResponse, description: 'how late checks start, as the workers report it' }) pipeline!: PipelineResponse;
}
