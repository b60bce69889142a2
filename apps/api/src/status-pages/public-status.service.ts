import { Injectable } from '@nestjs/common';
import { PublicStatusInputs, PublicStatusRepository } from '@hopwatch/db';
import { lastUtcDays, PAST_INCIDENT_DAYS, publicStatus, StatusPageNotFound } from '@hopwatch/domain';
import { PublicStatusResponse } from './dto/public-status.response';

/** A public page may be hit hard; each slug is read at most once per this long per api process. */
export const PUBLIC_STATUS_MAX_AGE_MS = 5_000;
const DAY_MS = 86_400_000;

type Cached = { readAt: number; response: Promise<PublicStatusResponse | null> };

@Injectable()
export class PublicStatusService {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly repository: PublicStatusRepository) {}

  async get(slug: string, now = Date.now()): Promise<PublicStatusResponse> {
    let cached = this.cache.get(slug);
    if (!cached || now - cached.readAt >= PUBLIC_STATUS_MAX_AGE_MS) {
      // Concurrent requests share one read: the promise is cached, not only its result.
      cached = { readAt: now, response: this.read(slug, new Date(now)) };
      this.cache.set(slug, cached);
      this.evictStale(now);
    }
    const response = await cached.response.catch((error) => {
      this.cache.delete(slug);
      throw error;
    });
    if (!response) throw new StatusPageNotFound(slug);
    return response;
  }

  /** After a page changed here; other api processes see the change within the cache's age. */
  forget(slug: string): void {
    this.cache.delete(slug);
  }

  private async read(slug: string, now: Date): Promise<PublicStatusResponse | null> {
    const daysFrom = new Date(`${lastUtcDays(now)[0]}T00:00:00Z`);
    const incidentsFrom = new Date(now.getTime() - PAST_INCIDENT_DAYS * DAY_MS);
    const inputs = await this.repository.read(slug, { daysFrom, incidentsFrom, now });
    return inputs ? toResponse(inputs, now) : null;
  }

  private evictStale(now: number): void {
    for (const [slug, cached] of this.cache) if (now - cached.readAt >= PUBLIC_STATUS_MAX_AGE_MS) this.cache.delete(slug);
  }
}

function toResponse(inputs: PublicStatusInputs, now: Date): PublicStatusResponse {
  const status = publicStatus(inputs.sites, now);
  return { slug: inputs.slug, title: inputs.title, description: inputs.description, updatedAt: now.toISOString(), ...status };
}
