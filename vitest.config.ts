import {defineConfig} from 'vitest/config'

// One test run for every workspace: unit tests sit next to their package, cross-package and
// browser tests under test/. Type tests (*.test-d.ts) are checked by tsc, not run.
export default defineConfig({
  test: {
    include: ['{schemas,studio,lake,sdk,syndication,examples,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ['{schemas,lake,sdk,examples,test}/**/*.test-d.{ts,tsx}'],
      tsconfig: './tsconfig.json',
    },
  },
})
