import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsHttpUrl, OnlyForKind } from '../../common/validators';

export class CreateAlertChannelDto {
  @ApiProperty({ example: 'on-call' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ['email', 'webhook'] })
  @IsIn(['email', 'webhook'], { message: 'kind must be one of email, webhook' })
  kind!: 'email' | 'webhook';

  @ApiPropertyOptional({ example: ['oncall@example.com'], description: 'Recipients (email channels)' })
  @ValidateIf((channel: CreateAlertChannelDto) => channel.kind === 'email' || channel.to !== undefined)
  @OnlyForKind('email')
  @IsArray({ message: 'to must be a list of email addresses (required for email channels)' })
  @ArrayMinSize(1, { message: 'to must list at least one address' })
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: 'each value in to must be an email address' })
  to?: string[];

  @ApiPropertyOptional({ example: 'https://hooks.example.com/hopwatch', description: 'Receiver (webhook channels)' })
  @ValidateIf((channel: CreateAlertChannelDto) => channel.kind === 'webhook' || channel.url !== undefined)
  @OnlyForKind('webhook')
  @IsHttpUrl({ message: 'url must be an http:// or https:// URL (required for webhook channels)' })
  url?: string;

  @ApiPropertyOptional({ default: false, description: 'Notify for every site, not only those that list this channel' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class AlertChannelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) kind!: string;
  @ApiPropertyOptional({ type: [String] }) to?: string[];
  @ApiPropertyOptional() url?: string;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty() createdAt!: string;
}

export class CreatedAlertChannelResponse extends AlertChannelResponse {
  @ApiPropertyOptional({ description: 'The webhook signing secret (whsec_…); shown only in this response' }) secret?: string;
}

export class DeliveryAttemptResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['delivered', 'retry', 'failed'] }) outcome!: 'delivered' | 'retry' | 'failed';
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: Number }) responseStatus!: number | null;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['opened', 'updated', 'flapping', 'resolved', 'certificate', 'test'] }) event!: string;
  @ApiProperty({ nullable: true, type: String }) incidentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) siteId!: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number }) responseStatus!: number | null;
  @ApiProperty({ type: [DeliveryAttemptResponse], description: 'Every attempt: when, outcome, error, response status' }) attemptLog!: DeliveryAttemptResponse[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items!: DeliveryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
