import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AlertChannelRepository } from '@hopwatch/db';
import { SecretBox } from '@hopwatch/platform';

/** After a key rotation, seals again with the current key every secret an older key sealed. */
@Injectable()
export class SecretRotationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SecretRotationService.name);

  constructor(
    private readonly channels: AlertChannelRepository,
    private readonly secrets: SecretBox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stale = (await this.channels.withSecrets()).filter((channel) => this.secrets.isStale(channel.webhookSecret));
    for (const channel of stale) {
      await this.channels.replaceSecret(channel.id, channel.webhookSecret, this.secrets.seal(this.secrets.open(channel.webhookSecret)));
    }
    const staleCredentials = (await this.channels.withCredentials()).filter((channel) => this.secrets.isStale(channel.credential));
    for (const channel of staleCredentials) {
      await this.channels.replaceCredential(channel.id, channel.credential, this.secrets.seal(this.secrets.open(channel.credential)));
    }
    if (stale.length > 0) this.logger.log(`sealed ${stale.length} webhook secrets again with the current HOPWATCH_SECRET_KEY`);
    if (staleCredentials.length > 0) this.logger.log(`sealed ${staleCredentials.length} chat channel credentials again with the current HOPWATCH_SECRET_KEY`);
  }
}
