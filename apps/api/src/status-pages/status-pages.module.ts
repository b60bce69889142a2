import { Module } from '@nestjs/common';
import { PublicStatusController } from './public-status.controller';
import { PublicStatusService } from './public-status.service';
import { StatusPagesController } from './status-pages.controller';
import { StatusPagesService } from './status-pages.service';

/** Status pages: managed with a key, read by anyone. Repositories come from the process's DbModule. */
@Module({
  controllers: [StatusPagesController, PublicStatusController],
  providers: [StatusPagesService, PublicStatusService],
})
export class StatusPagesModule {}
