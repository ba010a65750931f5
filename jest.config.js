// One project per test level that runs in jest (the browser journeys run under node:test, see test/e2e).
const taroTransform = [
  '@tarojs',
  '@nutui',
  '@stencil',
  '@swc/helpers',
  'lodash-es',
  'swiper',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'jose',
].join('|')

const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': 'babel-jest' },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
}

module.exports = {
  // a global option (jest ignores it inside a project): components render NutUI in jsdom, which takes seconds on a
  // busy two-core machine, and the API suites start servers and databases; 5 s made them flaky
  testTimeout: 20_000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/api/**/*.test.ts'],
      transformIgnorePatterns: [`/node_modules/(?!(${taroTransform}))`],
      // GONGZHI_TEST_ENGINE=postgres runs the API suites on PostgreSQL (test/api/support/harness.ts): a server
      // as for the `postgres` project below
      ...(/^postgres(ql)?$/i.test((process.env.GONGZHI_TEST_ENGINE ?? '').trim())
        ? { globalSetup: '<rootDir>/test/postgres/globalSetup.ts', globalTeardown: '<rootDir>/test/postgres/globalTeardown.ts' }
        : {}),
    },
    {
      ...common,
      // the same API suites on PostgreSQL (issue 13: "the existing API tests run against both engines"); not the
      // suites that are about SQLite itself (the harness says which and why) nor the SQLite runners of the port
      // contracts (their PostgreSQL runners are in test/postgres)
      displayName: 'api-postgres',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/api/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '\\.contract\\.test\\.ts$',
        '/test/api/(migrations|durability|crash|fuzz\.events|patrols\.settle|backup|server\.cluster|server\.cluster\.durability|server\.compiled|writes\.busy|writes\.groupcommit|writes\.plans|notices\.plans|audit\.plans|sql\.placeholders)\.test\.ts$',
      ],
      transformIgnorePatterns: [`/node_modules/(?!(${taroTransform}))`],
      setupFiles: ['<rootDir>/test/api/support/onPostgres.js'],
      globalSetup: '<rootDir>/test/postgres/globalSetup.ts',
      globalTeardown: '<rootDir>/test/postgres/globalTeardown.ts',
    },
    {
      ...common,
      // the PostgreSQL engine on a real server: the global setup starts a private one (or uses GONGZHI_TEST_PG),
      // each file takes its own database (test/support/postgres.ts)
      displayName: 'postgres',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/postgres/**/*.test.ts'],
      transformIgnorePatterns: [`/node_modules/(?!(${taroTransform}))`],
      globalSetup: '<rootDir>/test/postgres/globalSetup.ts',
      globalTeardown: '<rootDir>/test/postgres/globalTeardown.ts',
    },
    {
      ...common,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/taro-env.js'],
      setupFilesAfterEnv: ['<rootDir>/test/support/domSetup.ts'],
      // Anchored at the top-level node_modules: Taro's packages vendor ESM copies of their own
      // dependencies (…/@tarojs/x/node_modules/.pnpm/…), which must be transformed too.
      transformIgnorePatterns: [`<rootDir>/node_modules/(?!(${taroTransform}))`],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/test/support/taro-shim.js',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
      },
    },
    {
      ...common,
      displayName: 'weapp',
      // miniprogram-simulate renders into a DOM
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      setupFiles: ['<rootDir>/test/weapp/setup.js'],
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      globalSetup: '<rootDir>/test/weapp/build-once.js',
      // the compiled weapp output is run as it is, like the WeChat client would
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
    },
  ],
}
