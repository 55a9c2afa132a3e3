/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  // jose and file-type (with its parsers) are ESM-only; jest's module system needs them as CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|peek-readable)/)',
  ],
  // In the test process our stand-in answers for the Functions worker's core module, as it does under npm start.
  moduleNameMapper: {
    '^@azure/functions-core$': '<rootDir>/src/local/functionsCore.ts',
    // file-type 21 (the last major that supports Node 20) exports only `import` and `module-sync`, which
    // Node's require(esm) honours but jest's resolver does not.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
