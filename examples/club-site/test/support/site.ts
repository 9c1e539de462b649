// A seeded lake whose webhook calls the club site's revalidation route, and the site's production
// build (shared by every test run, see build.ts) served by `next start` against it.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {configPath, newToken} from '@spotter/lake'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {holdPort} from '../../../../scripts/hold-port.ts'
import {ensureSiteBuild, serveSite, type RunningSite} from '../../build.ts'

export const SEED = fileURLToPath(new URL('../../../../seed/spotter.ndjson', import.meta.url))
export const WEBHOOK_SECRET = 'club-site-webhook-secret-for-tests'

export interface SiteStack {
  lake: SpawnedLake
  site: RunningSite
  close(): Promise<void>
}

/** A port nothing listens on now (the site's URL must be known before the lake's webhook names it). */
export async function freePort(): Promise<number> {
  const held = await holdPort(0)
  await held.release()
  return held.port
}

export async function startSiteStack(): Promise<SiteStack> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-club-site-'))
  // The lake reads its webhooks at start: the site's port is chosen first.
  fs.writeFileSync(
    configPath(dataDir),
    JSON.stringify({
      projectId: 'spotter',
      datasets: ['production'],
      tokens: [
        {token: newToken('read'), role: 'read', name: 'test-read'},
        {token: newToken('write'), role: 'write', name: 'test-write'},
      ],
      webhooks: [
        {
          name: 'club-site',
          url: `http://127.0.0.1:${port}/api/revalidate`,
          projection: '{_id, _type}',
          secret: WEBHOOK_SECRET,
          retry: {baseMs: 200, maxMs: 1000, maxAttempts: 20},
        },
      ],
    }),
  )
  const [lake, build] = await Promise.all([spawnLake({seed: SEED, dataDir, rateLimits: 'off'}), ensureSiteBuild()])
  const site = await serveSite(build, {
    port,
    env: {
      SPOTTER_LAKE_URL: lake.url,
      SPOTTER_PREVIEW_TOKEN: lake.readToken,
      SPOTTER_REVALIDATE_SECRET: WEBHOOK_SECRET,
      SPOTTER_SITE_URL: `http://localhost:${port}`,
    },
  })
  return {
    lake,
    site,
    async close() {
      await site.close()
      await lake.stop()
      fs.rmSync(dataDir, {recursive: true, force: true})
    },
  }
}

/**
 * The fields of a stored prescription whose values the exercise page shows (and so marks for
 * click-to-edit): each one that is set, with reps, progression and placement in the words when
 * the source gives no number, rule or note.
 */
export function shownPrescriptionFields(p: Record<string, unknown>): string[] {
  const set = (name: string) => p[name] !== undefined && p[name] !== null && p[name] !== ''
  const either = (first: string, second: string) => (set(first) ? [first] : set(second) ? [second] : [])
  return [
    ...['goal', 'trainingPhase', 'audience', 'sets', 'frequencyPerWeek', 'load', 'duration'].filter(set),
    ...either('reps', 'repsDescription'),
    ...either('progressionRule', 'progression'),
    ...either('placementNote', 'placement'),
  ]
}
