import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateSessionDto {
  @ApiProperty({ description: 'An API key; it is exchanged for a session cookie and never stored in the browser' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  key!: string;
}

export class SessionResponse {
  @ApiProperty({ enum: ['read', 'write'], description: 'read: the UI hides edit controls and the API refuses writes' })
  scope!: 'read' | 'write';
  @ApiProperty({ description: 'The name of the API key behind the session' }) name!: string;
}
