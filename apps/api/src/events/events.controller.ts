import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LiveEvent } from '@hopwatch/queue';
import { Operation } from '../common/api-docs';
import { CheckRunEventData, IncidentEventData } from './dto/live-event.response';
import { openEventStreams } from './events.metrics';
import { LiveEventsHub } from './live-events.hub';

/** Proxies close idle connections; a comment line every 15 s keeps the stream open without waking the page. */
export const KEEP_ALIVE_MS = 15_000;
const RECONNECT_MS = 3_000;

function frame(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

@ApiTags('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly hub: LiveEventsHub) {}

  @Get()
  @Operation({
    summary: 'Server-Sent Events: `check-run` after each stored run, `incident` on every incident change',
    description:
      '`event: check-run` with a CheckRunEventData, `event: incident` with an IncidentEventData as its data. ' +
      'A comment line every 15 s keeps the stream alive.',
    ok: { events: [CheckRunEventData, IncidentEventData], description: 'The event stream; it stays open' },
  })
  async stream(@Res() response: Response): Promise<void> {
    let closed = false;
    const cleanups: Array<() => void> = [];
    response.on('close', () => {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    });
    // Subscribed before the first byte: an error here is still a plain JSON error, and ": connected" means live.
    const stop = await this.hub.listen({ send: (event) => response.write(frame(event)), end: () => response.end() });
    if (closed) return stop();
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    openEventStreams.inc();
    cleanups.push(stop, () => clearInterval(keepAlive), () => openEventStreams.dec());
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream
      'X-Accel-Buffering': 'no',
    });
    response.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
  }
}
