// setupFiles of the jest project `api-postgres`: the API suites on PostgreSQL (test/api/support/engine.ts).
process.env.GONGZHI_TEST_ENGINE = 'postgres'
