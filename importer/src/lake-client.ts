// The Content Lake over its HTTP API (the same endpoints as hosted Sanity): one query for the
// catalogue, one mutation request (one transaction) for the drafts.
import * as fs from 'node:fs'
import {join, resolve} from 'node:path'
import {CATALOG_QUERY, CATALOG_TYPES, type CatalogDocument} from './catalog.ts'

export interface LakeTarget {
  url: string
  token: string
  dataset: string
}
const API = 'v2025-02-19'

/** The lake `npm start` runs: its port and its config file's write token (as scripts/start.ts reads them). */
export function localLake(root: string, env: NodeJS.ProcessEnv = process.env): Pick<LakeTarget, 'url' | 'token'> {
  const port = env.SPOTTER_LAKE_PORT ?? '3030'
  const config = join(resolve(root, env.SPOTTER_DATA_DIR ?? '.data'), 'lake', 'lake.config.json')
  let token: string | undefined
  try {
    token = (JSON.parse(fs.readFileSync(config, 'utf8')) as {tokens?: {token: string; role: string}[]}).tokens?.find(
      (t) => t.role === 'write',
    )?.token
  } catch (error) {
    throw new Error(
      `no --token given and ${config} cannot be read (${(error as Error).message}); start the lake with \`npm start\` or pass --lake and --token`,
    )
  }
  if (!token) throw new Error(`${config} holds no write token; pass --token`)
  return {url: `http://127.0.0.1:${port}`, token}
}

async function call(target: LakeTarget, path: string, body: unknown): Promise<any> {
  let response: Response
  try {
    response = await fetch(
      `${target.url.replace(/\/$/, '')}/${API}/data/${path}/${target.dataset}${path === 'mutate' ? '?returnIds=true&visibility=sync' : ''}`,
      {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: `Bearer ${target.token}`},
        body: JSON.stringify(body),
      },
    )
  } catch (error) {
    throw new Error(`cannot reach the lake at ${target.url}: ${(error as Error).cause ?? (error as Error).message}`)
  }
  const json = await response.json().catch(() => ({}))
  if (!response.ok)
    throw new Error(`lake ${path} failed (${response.status}): ${json?.error?.description ?? json?.message ?? JSON.stringify(json)}`)
  return json
}

/** Everything an import is matched against, drafts included. */
export async function readCatalog(target: LakeTarget): Promise<CatalogDocument[]> {
  const json = await call(target, 'query', {query: CATALOG_QUERY, params: {types: [...CATALOG_TYPES]}, perspective: 'raw'})
  return json.result as CatalogDocument[]
}

/** Writes every draft in one transaction; returns its id. */
export async function writeDrafts(target: LakeTarget, drafts: {_id: string}[], transactionId?: string): Promise<string> {
  const json = await call(target, 'mutate', {
    mutations: drafts.map((d) => ({createOrReplace: d})),
    ...(transactionId ? {transactionId} : {}),
  })
  return json.transactionId as string
}
