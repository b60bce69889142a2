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

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: DependencyChecksResponse }) checks!: DependencyChecksResponse;
}
