import { Module } from '@nestjs/common';

/** The tick loop that enqueues due checks. Expects config, db and queue from the process. */
@Module({})
export class SchedulerModule {}
