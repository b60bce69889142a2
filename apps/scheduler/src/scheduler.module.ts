import { DynamicModule, Module } from '@nestjs/common';
import { Infrastructure, ResultBuffer } from '@hopwatch/runtime';
import { DayCloseService } from './housekeeping/day-close.service';
import { RetentionService } from './housekeeping/retention.service';
import { EnqueueDueService } from './tick/enqueue-due.service';
import { LeaderLock } from './tick/leader.lock';
import { LostJobsService } from './tick/lost-jobs.service';
import { ScheduleMirror } from './tick/schedule-mirror';
import { SchedulerLease } from './tick/scheduler-lease';
import { TickService } from './tick/tick.service';

/** The tick loop that enqueues due checks. */
@Module({
  providers: [SchedulerLease, LeaderLock, ScheduleMirror, ResultBuffer, EnqueueDueService, LostJobsService, TickService, RetentionService, DayCloseService],
  exports: [TickService],
})
export class SchedulerModule {
  static register({ config, db, queue, dependencies }: Infrastructure): DynamicModule {
    return { module: SchedulerModule, imports: [config, db, queue, dependencies] };
  }
}
