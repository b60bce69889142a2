// The URLs a push monitor's job calls (the Healthchecks.io convention): GET or POST, no API key — the
// token in the path is the credential.
import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { PushRepository } from '@hopwatch/db';
import { PING_KINDS, PingKind } from '@hopwatch/domain';
import { Public } from '../auth/public.decorator';
import { Operation } from '../common/api-docs';

export class PingResponse {
  @ApiProperty({ enum: PING_KINDS }) kind!: PingKind;
  @ApiProperty() receivedAt!: string;
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

const ping = (summary: string) =>
  Operation({ summary, ok: { type: PingResponse }, errors: [404], access: 'none' });

@ApiTags('push')
@Public()
@Controller('ping/:token')
export class PingController {
  constructor(private readonly push: PushRepository) {}

  @Get()
  @ping('Tell hopwatch the job ran successfully')
  success(@Param('token') token: string): Promise<PingResponse> {
    return this.record(token, 'success');
  }

  @Post()
  @HttpCode(200)
  @ping('Tell hopwatch the job ran successfully (POST, for clients that send a body)')
  successByPost(@Param('token') token: string): Promise<PingResponse> {
    return this.record(token, 'success');
  }

  @Get('start')
  @ping('Tell hopwatch the job has started (shown on the monitor; the deadline still counts from the last success)')
  start(@Param('token') token: string): Promise<PingResponse> {
    return this.record(token, 'start');
  }

  @Post('start')
  @HttpCode(200)
  @ping('Tell hopwatch the job has started (POST)')
  startByPost(@Param('token') token: string): Promise<PingResponse> {
    return this.record(token, 'start');
  }

  @Get('fail')
  @ping('Tell hopwatch the job failed: the monitor is down at its next look, within a minute')
  fail(@Param('token') token: string): Promise<PingResponse> {
    return this.record(token, 'fail');
  }

  @Post('fail')
  @HttpCode(200)
  @ping('Tell hopwatch the job failed (POST)')
  failByPost(@Param('token') token: string): Promise<PingResponse> {
    return this.record(token, 'fail');
  }

  private async record(token: string, kind: PingKind): Promise<PingResponse> {
    const receivedAt = new Date();
    if (!TOKEN.test(token) || !(await this.push.recordPing(token, kind, receivedAt))) {
      throw new NotFoundException('no push monitor has this ping URL');
    }
    return { kind, receivedAt: receivedAt.toISOString() };
  }
}
