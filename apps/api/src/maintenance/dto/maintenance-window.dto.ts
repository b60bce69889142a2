import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from '../../common/validators';

export class CreateMaintenanceWindowDto {
  @ApiProperty({ example: 'database upgrade' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  siteIds?: string[];

  @ApiPropertyOptional({ example: ['db'], description: 'Sites carrying any of these tags are covered' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { each: true, message: 'each value in tags must be 1-63 letters, digits, ".", "_" or "-"' })
  tags?: string[];

  @ApiProperty({ example: '2026-01-01T02:00:00Z' })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ example: '2026-01-01T04:00:00Z' })
  @IsInstant()
  endsAt!: string;

  @ApiPropertyOptional({ example: 'hopwatch', description: 'The tool that manages it (`hopwatch apply` sets "hopwatch"); leave out for hand-made ones' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, { message: 'managedBy must be 1-63 letters, digits, ".", "_" or "-"' })
  managedBy?: string;
}

export class MaintenanceWindowResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) siteIds!: string[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ nullable: true, type: String }) managedBy!: string | null;
  @ApiProperty() createdAt!: string;
}
