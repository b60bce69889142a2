import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

/** Uptime history routes. Repositories come from the process's global DbModule. */
@Module({
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {}
