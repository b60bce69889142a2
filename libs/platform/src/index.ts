export * from './config/config.schema';
export * from './config/load-config';
export * from './config/load-config-or-exit';
export * from './config/config.module';
export * from './boot/service-unreachable.error';
export * from './metrics/metrics';
export * from './logging/logging.module';
export * from './boot/boot-or-exit';
