import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { WebSessionEntity } from './web-session.entity';

@Injectable()
export class WebSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get sessions() {
    return this.dataSource.getRepository(WebSessionEntity);
  }

  /** Stores a new session and forgets the expired ones, so the table never grows without bound. */
  async create(session: { tokenHash: string; apiKeyId: string; expiresAt: Date }, now: Date): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(now) });
    await this.sessions.insert(session);
  }

  /** The key behind a session that has not expired yet; its key still exists, since deleting a key deletes its sessions. */
  async findKey(tokenHash: string, now: Date): Promise<ApiKeyEntity | null> {
    const session = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.apiKey', 'key')
      .where('session.token_hash = :tokenHash AND session.expires_at > :now', { tokenHash, now })
      .getOne();
    return session?.apiKey ?? null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }
}
