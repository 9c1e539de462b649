// The club site's production build, once per test run (and reused across runs until a source
// changes), before any test file starts: its SDK build must not race a test that packs the SDK.
import {ensureSiteBuild} from '../build.ts'

export default async function setup(): Promise<void> {
  await ensureSiteBuild({log: (line) => console.log(`[club site] ${line}`)})
}
