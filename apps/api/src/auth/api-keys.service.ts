import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeyEntity, ApiKeyRepository, ApiKeyScope } from '@hopwatch/db';
import { ApiKeyNotFound } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { generateApiKey, hashApiKey, KEY_PREFIX_LENGTH } from './api-key.secret';

export type CreatedApiKey = { entity: ApiKeyEntity; key: string };

@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  /** Makes sure someone can call the API: the configured admin key, or a generated one printed once. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminKey) {
      await this.keys.createIfAbsent(this.describe('admin (HOPWATCH_ADMIN_KEY)', 'write', this.config.adminKey, 'env'));
      return;
    }
    const key = generateApiKey();
    const created = await this.keys.createIfNoneExist(this.describe('admin (generated)', 'write', key, 'generated'));
    if (created) {
      process.stdout.write(
        `\nhopwatch: no API key existed, so an admin key was generated. It is shown only this once:\n\n    ${key}\n\n` +
          'Use it as "Authorization: Bearer <key>", or set HOPWATCH_ADMIN_KEY to choose your own.\n\n',
      );
      this.logger.warn('generated the first admin API key (printed to stdout once)');
    }
  }

  async create(name: string, scope: ApiKeyScope): Promise<CreatedApiKey> {
    const key = generateApiKey();
    const entity = await this.keys.create(this.describe(name, scope, key, 'api'));
    return { entity, key };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.list();
  }

  async delete(id: string): Promise<void> {
    if (!(await this.keys.delete(id))) throw new ApiKeyNotFound(id);
  }

  async authenticate(key: string): Promise<ApiKeyEntity | null> {
    const entity = await this.keys.findByHash(hashApiKey(key));
    if (entity) await this.keys.touch(entity.id, new Date());
    return entity;
  }

  private describe(name: string, scope: ApiKeyScope, key: string, origin: ApiKeyEntity['origin']) {
    // A key the operator chose may be a password used elsewhere: nothing of it is kept but its hash.
    const keyPrefix = origin === 'env' ? '' : key.slice(0, KEY_PREFIX_LENGTH);
    return { name, scope, keyHash: hashApiKey(key), keyPrefix, origin };
  }
}
