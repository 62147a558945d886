/**
 * The environment every e2e run uses. A worktree or a parallel run can pick its own database
 * and Redis prefix with TEST_DB_NAME / TEST_REDIS_PREFIX so runs never share state.
 */
export function applyTestEnv(): void {
  process.env.NODE_ENV = 'test';
  process.env.DB_NAME = process.env.TEST_DB_NAME ?? 'scrm_test';
  process.env.REDIS_PREFIX = process.env.TEST_REDIS_PREFIX ?? 'scrm-test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.PLATFORM_OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';
  process.env.SECRETS_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
}
