// Two tiers (STYLE §13): unit specs live beside the code; e2e specs in test/ use real Postgres, Redis and wecom-sim.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }] };
const moduleNameMapper = {
  '^@scrm/platform(|/.*)$': '<rootDir>/libs/platform/src$1',
  '^@scrm/core(|/.*)$': '<rootDir>/libs/core/src$1',
  '^@scrm/wechat-work-sdk(|/.*)$': '<rootDir>/libs/wechat-work-sdk/src$1',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
