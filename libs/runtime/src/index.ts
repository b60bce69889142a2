export * from './infrastructure.module';
export * from './target-policy.module';
export * from './dependency-monitor';
export * from './result-buffer';
