import { Module } from '@nestjs/common';

/** BullMQ processors for HOPWATCH_REGION. Expects config, db and queue from the process. */
@Module({})
export class WorkerModule {}
