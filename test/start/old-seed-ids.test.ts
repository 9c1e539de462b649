// `npm start` on a data dir seeded before the seed's ids became root paths: the former dotted ids
// are found (published or as drafts) over HTTP with the read token, nothing is changed, and the
// note says how to re-seed. A data dir seeded with today's seed gets no note.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {findFormerSeedIds, formerSeedIds, formerSeedIdsMessage} from '../../scripts/old-seed-ids.ts'

const SEED = fileURLToPath(new URL('../../seed/spotter.ndjson', import.meta.url))
const seedIds = fs
  .readFileSync(SEED, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as {_id: string})._id)

/** The seed as it was before: every seed id (and every reference to one) with a "." after the type. */
function writeDottedSeed(dir: string): string {
  const former = new Map(seedIds.map((id, i) => [id, formerSeedIds(SEED)[i]!]))
  const text = fs
    .readFileSync(SEED, 'utf8')
    .replace(/"(_id|_ref)":"([^"]+)"/g, (all, key: string, id: string) => (former.has(id) ? `"${key}":"${former.get(id)}"` : all))
  fs.cpSync(path.join(path.dirname(SEED), 'images'), path.join(dir, 'images'), {recursive: true})
  const file = path.join(dir, 'dotted.ndjson')
  fs.writeFileSync(file, text)
  return file
}

const find = (lake: SpawnedLake) => findFormerSeedIds({lakeUrl: lake.url, token: lake.readToken, dataset: lake.dataset, seedFile: SEED})

describe('a data dir seeded with the former dotted ids', () => {
  let dir: string
  let lake: SpawnedLake
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-dotted-seed-'))
    lake = await spawnLake({seed: writeDottedSeed(dir)})
  })
  afterAll(async () => {
    await lake?.stop()
    fs.rmSync(dir, {recursive: true, force: true})
  })

  it('maps every seed id to its former dotted form', () => {
    expect(formerSeedIds(SEED)).toHaveLength(seedIds.length)
    expect(formerSeedIds(SEED)).toContain('exercise.reverse-hyperextension')
    expect(formerSeedIds(SEED)).toContain('club.new-milford-fitness-aquatics')
  })

  it('is found, drafts included, and left as it is', async () => {
    await lake.client().createOrReplace({_id: 'drafts.exercise.squat', _type: 'exercise', name: 'Squat (edited)'})
    const found = await find(lake)
    expect(found).toEqual([...formerSeedIds(SEED), 'drafts.exercise.squat'].sort())
    expect(await lake.client().fetch('count(*[_id in $ids])', {ids: found}, {perspective: 'raw'})).toBe(found.length)
  })

  it('gets a note that names the data dir and how to re-seed without losing it', () => {
    const message = formerSeedIdsMessage(['exercise.deadlift', 'exercise.squat'], '/data/lake')
    expect(message).toContain('/data/lake')
    expect(message).toContain('2 document(s) with the former dotted ids (exercise.deadlift, exercise.squat)')
    expect(message).toContain('mv "/data/lake" "/data/lake-dotted-ids"')
    expect(message).toContain('npm run lake -- export --data-dir "/data/lake-dotted-ids"')
  })
})

it("a data dir seeded with today's seed has none of the former ids", async () => {
  const lake = await spawnLake({seed: SEED})
  try {
    expect(await find(lake)).toEqual([])
  } finally {
    await lake.stop()
  }
})
