export * from './redis';
export * from './queue.module';
export * from './queue.module.tokens';
export * from './jobs';
export * from './check-queues';
export * from './notification-queue';
export * from './live-events';
