import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { AcceptsNull } from '../../common/nullable.decorator';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateStatusPageDto {
  @ApiProperty({ example: 'shop', description: 'The page lives at /status/<slug>: lowercase letters, digits and single hyphens' })
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lowercase letters, digits and single hyphens, like "shop-status"' })
  slug!: string;

  @ApiProperty({ example: 'Shop status' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Live status of the shop and its checkout.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Sites shown by id' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  siteIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['prod'], description: 'Sites carrying any of these tags are shown too' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { each: true, message: 'each value in tags must be 1-63 letters, digits, ".", "_" or "-"' })
  tags?: string[];

  @ApiPropertyOptional({ example: 'hopwatch', description: 'The tool that manages it (`hopwatch apply` sets "hopwatch"); leave out for hand-made ones' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { message: 'managedBy must be 1-63 letters, digits, ".", "_" or "-"' })
  managedBy?: string;
}

/** A null description clears it. */
@AcceptsNull('description')
export class UpdateStatusPageDto extends PartialType(CreateStatusPageDto) {}

export class StatusPageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [String] }) siteIds!: string[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ nullable: true, type: String }) managedBy!: string | null;
  @ApiProperty({ description: 'Path of the public page' }) path!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
