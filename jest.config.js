// One jest run, three tiers: pure unit specs, integration specs against local services, e2e specs.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    // Rewrites @hopwatch/* imports at transform time, so global setup (which ignores moduleNameMapper) resolves them too.
    baseUrl: __dirname,
    paths: { '@hopwatch/*': ['libs/*/src'] },
  },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = { '^@hopwatch/(.*)$': '<rootDir>/libs/$1/src' };
// NestJS 12 ships as ES modules only; jest's CommonJS runtime needs them transformed like our own code.
const common = {
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/architecture/*.spec.ts'] },
    { ...common, displayName: 'int', setupFilesAfterEnv: ['<rootDir>/test/support/service-test-timeout.ts'], testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
    { ...common, displayName: 'e2e', setupFilesAfterEnv: ['<rootDir>/test/support/service-test-timeout.ts'], testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
  ],
};
