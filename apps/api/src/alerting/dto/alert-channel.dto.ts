import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CHAT_KINDS } from '@hopwatch/alerting';
import { IsHttpUrl, OnlyForKind } from '../../common/validators';

export const CHANNEL_KINDS = ['email', 'webhook', ...CHAT_KINDS] as const;
export type ChannelKindName = (typeof CHANNEL_KINDS)[number];

/** Kinds whose `url` is the service's incoming-webhook URL: required, and a secret. */
export const SECRET_URL_KINDS: readonly ChannelKindName[] = ['slack', 'teams', 'discord'];
/** Kinds that take a `url`: the receiver, the incoming webhook, or (ntfy, optional) the server. */
const URL_KINDS: readonly ChannelKindName[] = ['webhook', ...SECRET_URL_KINDS, 'ntfy'];

const needs = (kinds: readonly ChannelKindName[], field: keyof CreateAlertChannelDto) => (channel: CreateAlertChannelDto) =>
  kinds.includes(channel.kind) || channel[field] !== undefined;

export class CreateAlertChannelDto {
  @ApiProperty({ example: 'on-call' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` })
  kind!: ChannelKindName;

  @ApiPropertyOptional({ example: ['oncall@example.com'], description: 'Recipients (email channels)' })
  @ValidateIf((channel: CreateAlertChannelDto) => channel.kind === 'email' || channel.to !== undefined)
  @OnlyForKind('email')
  @IsArray({ message: 'to must be a list of email addresses (required for email channels)' })
  @ArrayMinSize(1, { message: 'to must list at least one address' })
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: 'each value in to must be an email address' })
  to?: string[];

  @ApiPropertyOptional({
    example: 'https://hooks.example.com/hopwatch',
    description: 'Receiver (webhook); the incoming-webhook URL (slack, teams, discord: a secret, shown masked after creation); the server (ntfy, default https://ntfy.sh)',
  })
  @ValidateIf(needs(['webhook', ...SECRET_URL_KINDS], 'url'))
  @OnlyForKind(URL_KINDS)
  @IsHttpUrl({ message: 'url must be an http:// or https:// URL (required for webhook, slack, teams and discord channels)' })
  url?: string;

  @ApiPropertyOptional({ example: '123456789:AAE-your-bot-token', description: 'Bot token from @BotFather (telegram); a secret' })
  @ValidateIf(needs(['telegram'], 'botToken'))
  @OnlyForKind('telegram')
  @IsString({ message: 'botToken must be a Telegram bot token like 123456789:AA… (required for telegram channels)' })
  @Matches(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, { message: 'botToken must be a Telegram bot token like 123456789:AA… (required for telegram channels)' })
  botToken?: string;

  @ApiPropertyOptional({ example: '-1001234567890', description: 'Chat, group or channel id, or @channelname (telegram)' })
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @ValidateIf(needs(['telegram'], 'chatId'))
  @OnlyForKind('telegram')
  @IsString({ message: 'chatId must be a chat id like -1001234567890 or @channelname (required for telegram channels)' })
  @Matches(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, { message: 'chatId must be a chat id like -1001234567890 or @channelname (required for telegram channels)' })
  chatId?: string;

  @ApiPropertyOptional({ example: 'R0123456789ABCDEF0123456789ABCDE', description: 'Integration key of an Events API v2 integration (pagerduty); a secret' })
  @ValidateIf(needs(['pagerduty'], 'routingKey'))
  @OnlyForKind('pagerduty')
  @IsString({ message: 'routingKey must be the 32-character integration key of a PagerDuty Events API v2 integration (required for pagerduty channels)' })
  @Matches(/^[A-Za-z0-9]{32}$/, { message: 'routingKey must be the 32-character integration key of a PagerDuty Events API v2 integration (required for pagerduty channels)' })
  routingKey?: string;

  @ApiPropertyOptional({ example: 'hopwatch-ops-7f3a', description: 'Topic to publish to (ntfy); on a public server the topic name is as good as a password' })
  @ValidateIf(needs(['ntfy'], 'topic'))
  @OnlyForKind('ntfy')
  @IsString({ message: 'topic must be 1-64 letters, digits, "-" or "_" (required for ntfy channels)' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'topic must be 1-64 letters, digits, "-" or "_" (required for ntfy channels)' })
  topic?: string;

  @ApiPropertyOptional({ example: 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2', description: 'Access token for a protected topic (ntfy); a secret' })
  @IsOptional()
  @OnlyForKind('ntfy')
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({ default: false, description: 'Notify for every site, not only those that list this channel' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @ApiPropertyOptional({ example: 'hopwatch', description: 'The tool that manages it (`hopwatch apply` sets "hopwatch"); leave out for hand-made ones' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { message: 'managedBy must be 1-63 letters, digits, ".", "_" or "-"' })
  managedBy?: string;
}

export class AlertChannelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind!: string;
  @ApiPropertyOptional({ type: [String] }) to?: string[];
  @ApiPropertyOptional({ description: 'The receiver; masked (origin/…last 4) for slack, teams and discord, whose URL is a secret' }) url?: string;
  @ApiPropertyOptional({ description: 'telegram' }) chatId?: string;
  @ApiPropertyOptional({ description: 'telegram: masked (…last 4)' }) botToken?: string;
  @ApiPropertyOptional({ description: 'pagerduty: masked (…last 4)' }) routingKey?: string;
  @ApiPropertyOptional({ description: 'ntfy' }) topic?: string;
  @ApiPropertyOptional({ description: 'ntfy: masked (…last 4)' }) token?: string;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ nullable: true, type: String }) managedBy!: string | null;
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

export class TestDeliveryResponse extends DeliveryResponse {
  @ApiProperty({ enum: ['delivered', 'failed', 'will-retry', 'not-attempted'], description: 'What the first attempt came to' }) outcome!: 'delivered' | 'failed' | 'will-retry' | 'not-attempted';
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed or will be retried (e.g. "HTTP 503", "ECONNREFUSED")' }) reason!: string | null;
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items!: DeliveryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
