export * from './infrastructure.module';
export * from './target-policy.module';
