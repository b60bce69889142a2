import { DynamicModule, Module } from '@nestjs/common';
import { Infrastructure } from '@hopwatch/runtime';
import { RetentionService } from './housekeeping/retention.service';
import { EnqueueDueService } from './tick/enqueue-due.service';
import { LeaderLock } from './tick/leader.lock';
import { LostJobsService } from './tick/lost-jobs.service';
import { TickService } from './tick/tick.service';

/** The tick loop that enqueues due checks. */
@Module({
  providers: [LeaderLock, EnqueueDueService, LostJobsService, TickService, RetentionService],
  exports: [TickService],
})
export class SchedulerModule {
  static register({ config, db, queue, dependencies }: Infrastructure): DynamicModule {
    return { module: SchedulerModule, imports: [config, db, queue, dependencies] };
  }
}
