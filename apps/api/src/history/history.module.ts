import { DynamicModule, Module } from '@nestjs/common';
import { Infrastructure } from '@hopwatch/runtime';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

/** Uptime history routes. */
@Module({
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {
  static register({ config, db }: Infrastructure): DynamicModule {
    return { module: HistoryModule, imports: [config, db] };
  }
}
