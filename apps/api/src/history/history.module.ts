import { Module } from '@nestjs/common';
import { IncidentHistoryRepository } from '@hopwatch/db';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';
import { IncidentReader } from './incident.reader';

/** Uptime history routes. Repositories come from the process's global DbModule. */
@Module({
  controllers: [HistoryController],
  providers: [HistoryService, { provide: IncidentReader, useExisting: IncidentHistoryRepository }],
})
export class HistoryModule {}
