import { DynamicModule, Module } from '@nestjs/common';
import { Infrastructure } from '@hopwatch/runtime';
import { PublicStatusController } from './public-status.controller';
import { PublicStatusService } from './public-status.service';
import { StatusPagesController } from './status-pages.controller';
import { StatusPagesService } from './status-pages.service';

/** Status pages: managed with a key, read by anyone. */
@Module({
  controllers: [StatusPagesController, PublicStatusController],
  providers: [StatusPagesService, PublicStatusService],
})
export class StatusPagesModule {
  static register({ db }: Infrastructure): DynamicModule {
    return { module: StatusPagesModule, imports: [db] };
  }
}
