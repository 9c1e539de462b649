import {defineConfig} from 'vitest/config'

// One test run for every workspace: unit tests sit next to their package, cross-package and
// browser tests under test/. Tests that start a lake process share nothing, so files run in
// parallel on CI's two cores.
export default defineConfig({
  test: {
    include: ['{schemas,studio,lake,sdk,examples,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
