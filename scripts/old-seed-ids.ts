// Data dirs seeded before the seed moved to root-path ids (`exercise-squat`, formerly
// `exercise.squat`) still hold the dotted documents. `npm start` seeds only an empty data dir, so it
// looks for them and says how to re-seed: a request without a token (the club site, a partner app)
// may read only root-path ids on hosted Sanity, so such a data dir shows nothing publicly there.
// Nothing is changed or deleted here: an editor may have worked on those documents.
import * as fs from 'node:fs'

/** The id each seed document had before: `<type>-<name>` was `<type>.<name>`. */
export function formerSeedIds(seedFile: string): string[] {
  return fs
    .readFileSync(seedFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as {_id: string; _type: string})
    .filter((doc) => doc._id.startsWith(`${doc._type}-`))
    .map((doc) => `${doc._type}.${doc._id.slice(doc._type.length + 1)}`)
}

/** The former seed ids (published, or as drafts) the lake still holds. Needs a read token. */
export async function findFormerSeedIds(options: {lakeUrl: string; token: string; dataset: string; seedFile: string}): Promise<string[]> {
  const ids = formerSeedIds(options.seedFile)
  const res = await fetch(`${options.lakeUrl}/v2025-02-19/data/query/${encodeURIComponent(options.dataset)}`, {
    method: 'POST',
    headers: {authorization: `Bearer ${options.token}`, 'content-type': 'application/json'},
    body: JSON.stringify({
      query: '*[_id in $ids || _id in $drafts]._id',
      params: {ids, drafts: ids.map((id) => `drafts.${id}`)},
      perspective: 'raw',
    }),
  })
  if (!res.ok) throw new Error(`Looking for the former seed ids failed: HTTP ${res.status} ${await res.text()}`)
  return ((await res.json()) as {result: string[]}).result.sort()
}

export function formerSeedIdsMessage(found: string[], lakeDir: string): string {
  const kept = `${lakeDir}-dotted-ids`
  return `
The data in ${lakeDir} was seeded before the seed's document ids changed: it holds
${found.length} document(s) with the former dotted ids (${found.slice(0, 3).join(', ')}${found.length > 3 ? ', ...' : ''}).
Hosted Sanity lets requests without a token (the club site, partner apps) read only ids without a
".", so this content is not public there. Nothing was changed. To re-seed:
  1. stop Spotter (Ctrl-C)
  2. keep the old data aside:   mv "${lakeDir}" "${kept}"
  3. npm start                  (seeds a fresh data dir with the new ids)
The old data stays readable with a token, e.g.
  npm run lake -- export --data-dir "${kept}" --out old-content.ndjson
Edits you made to the seed documents there are not carried over: redo them in the Studio.

`
}
