import {defaultClientConditions, defaultServerConditions} from 'vite'
import {defineConfig} from 'vitest/config'

// One test run for every workspace: unit tests sit next to their package, cross-package and
// browser tests under test/. Type tests (*.test-d.ts) are checked by tsc, not run.
// The workspace packages resolve to their sources: export condition "spotter-source" (see
// DEVELOPERS.md); builds are only for what is published.
const SOURCE = 'spotter-source'
// Node processes the tests start (the lake, the club site, the syndication service) inherit it too,
// also when vitest is started without npm (whose .npmrc node-options set it).
if (!process.env.NODE_OPTIONS?.includes(`--conditions=${SOURCE}`)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --conditions=${SOURCE}`.trim()
}

export default defineConfig({
  resolve: {conditions: [SOURCE, ...defaultClientConditions]},
  ssr: {resolve: {conditions: [SOURCE, ...defaultServerConditions]}},
  test: {
    include: ['{schemas,studio,lake,sdk,syndication,examples,test,importer}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The club site's Next.js build, shared by every test that serves it (cached by source hash).
    globalSetup: ['examples/club-site/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ['{schemas,lake,sdk,examples,test}/**/*.test-d.{ts,tsx}'],
      tsconfig: './tsconfig.json',
    },
  },
})
