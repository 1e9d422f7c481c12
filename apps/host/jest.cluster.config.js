const base = require('./jest.config');

/**
 * The cluster tests: several host instances on one PostgreSQL database and one Redis (DATABASE_URL and
 * REDIS_URL must be set). One file at a time, since each starts several hosts.
 */
module.exports = { ...base, testRegex: '.*\\.cluster\\.spec\\.ts$', maxWorkers: 1 };
