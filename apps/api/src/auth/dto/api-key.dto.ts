import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'grafana' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ['read', 'write'] })
  @IsIn(['read', 'write'], { message: 'scope must be one of read, write' })
  scope!: 'read' | 'write';
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['read', 'write'] }) scope!: 'read' | 'write';
  @ApiProperty({ nullable: true, type: String, description: 'The first characters of a generated key ("hw_" and four more), to recognise it; null for the configured HOPWATCH_ADMIN_KEY' })
  prefix!: string | null;
  @ApiProperty({ enum: ['api', 'env', 'generated'] }) origin!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key itself; shown only in this response' }) key!: string;
}
