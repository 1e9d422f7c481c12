/**
 * The built-in plugins' unit tests (their rules, beside the code). They run in Node through swc; the
 * plugins themselves run in the host's isolates, which the host's own tests cover.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testRegex: '/src/.*\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
