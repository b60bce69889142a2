import { Module } from '@nestjs/common';
import { RetentionService } from './housekeeping/retention.service';
import { EnqueueDueService } from './tick/enqueue-due.service';
import { LeaderLock } from './tick/leader.lock';
import { LostJobsService } from './tick/lost-jobs.service';
import { TickService } from './tick/tick.service';

/** The tick loop that enqueues due checks. Expects config, db and queue from the process. */
@Module({
  providers: [LeaderLock, EnqueueDueService, LostJobsService, TickService, RetentionService],
  exports: [TickService],
})
export class SchedulerModule {}
