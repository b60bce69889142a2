export * from './site/site';
export * from './site/expect-status';
export * from './site/connect-to';
export * from './targets/target-policy';
export * from './results/check-result';
export * from './schedule/slots';
