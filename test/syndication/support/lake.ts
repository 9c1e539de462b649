// A real lake process for the syndication tests: its own data folder, read and write tokens, no
// anonymous access, and the webhooks the test needs (the part each test differs in).
import * as fs from 'node:fs'
import * as path from 'node:path'
import {newToken} from '@spotter/lake'
import {spawnLake, type SpawnedLake, type SpawnLakeOptions} from '@spotter/lake/testing'

/** Writes `lake.config.json` into `dataDir` (created if missing) and starts a lake on it. */
export async function spawnLakeWithWebhooks(
  dataDir: string,
  webhooks: readonly Record<string, unknown>[],
  options: Omit<SpawnLakeOptions, 'dataDir'> = {},
): Promise<SpawnedLake> {
  fs.mkdirSync(dataDir, {recursive: true})
  const config = {
    projectId: 'spotter',
    datasets: ['production'],
    tokens: [
      {token: newToken('read'), role: 'read', name: 'test-read'},
      {token: newToken('write'), role: 'write', name: 'test-write'},
    ],
    anonymousRole: 'none',
    webhooks,
  }
  fs.writeFileSync(path.join(dataDir, 'lake.config.json'), JSON.stringify(config))
  return spawnLake({...options, dataDir})
}
