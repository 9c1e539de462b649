#!/usr/bin/env node
// The lake's command line:
//   serve  --port P --host H --data-dir D --seed FILE.ndjson --config FILE --dataset NAME ...
//   import FILE.ndjson --data-dir D [--dataset production] [--verbatim]
//   export --data-dir D [--dataset production] [--out FILE]
//   verify --data-dir D [--dataset NAME]
//   repair --data-dir D [--dataset NAME]
//   cors add ORIGIN [--credentials] | cors list | cors remove ORIGIN   (the config's CORS origins)
import * as fs from 'node:fs'
import * as path from 'node:path'
import {parseArgs} from 'node:util'
import {ACL_MODES, configPath, DEFAULT_DATASET, loadConfig, type AclMode, type LakeConfig} from './config.ts'
import {corsCommand} from './cors-origins.ts'
import {parseRateLimits} from './rate-limits.ts'
import {Lake} from './lake.ts'
import {parseNdjson} from './ndjson-import.ts'
import {exportNdjson, importInto} from './routes/import-export.ts'
import {sharedQueryPool} from './query/index.ts'
import {startServer} from './server.ts'
import {inspectDataset, repairCommand, type Inspection} from './store/integrity.ts'
import {lockDataDir} from './store/lock.ts'
import {repairDataset} from './store/recovery.ts'
import {ensureCertificate} from './tls.ts'
import {startWebhooks} from './webhooks/dispatcher.ts'

const DEFAULT_PORT = 3030
const DEFAULT_DATA_DIR = '.spotter-lake'
const DEFAULT_QUERY_TIMEOUT_MS = 10_000

const USAGE = `Usage: spotter-lake <command> [options]

Commands:
  serve                 Run the lake (HTTP/1.1 and HTTPS with HTTP/2 on one port)
  import FILE.ndjson    Import Sanity NDJSON into a dataset (lake must not be running)
  export                Write a dataset as Sanity NDJSON (to --out or stdout)
  verify                Check every dataset's log and snapshot (lake must not be running)
  repair                Recover damaged datasets from what is intact, keeping a backup (lake must not be running)
  cors add ORIGIN       Allow a browser origin (protocol://host[:port], * wildcards) to call the API;
                        --credentials lets it send credentials (needed by the Studio)
  cors list             List the allowed origins
  cors remove ORIGIN    Remove an origin (also: cors delete)

Options:
  --data-dir DIR        Data directory (default ${DEFAULT_DATA_DIR})
  --config FILE         Config file with projectId, datasets and tokens (default DIR/lake.config.json)
  --port N              Port for serve (default ${DEFAULT_PORT}; 0 picks a free port)
  --host HOST           Interface to bind (default 127.0.0.1)
  --seed FILE.ndjson    serve: import this file into --dataset if the data dir is empty
  --dataset NAME        Dataset for seed/import/export (default production); serve: also created;
                        verify/repair: only this one (default: all)
  --acl MODE            public | private: the mode of the --dataset datasets (default: a new one is
                        public, an existing one keeps its mode)
  --project-id ID       Override the config's projectId
  --query-timeout-ms N  Time limit per query (default ${DEFAULT_QUERY_TIMEOUT_MS})
  --max-body-bytes N    Largest accepted request body (default 100 MiB)
  --anonymous-max-body-bytes N  ... from a request without a token (default 300000, hosted's query limit)
  --query-workers N     Query worker threads (default 2-4, by CPU count)
  --anonymous-query-workers N  How many of them may run queries without a token at once (default half, at least 1)
  --anonymous-query-queue N    How many queries without a token may wait; more get 429 (default 32)
  --listen-filter-timeout-ms N Time a listen filter may take per transaction before its listener is closed (default 1000)
  --anonymous-max-listeners N  Open listeners without a token at most; more get 429 (default 1000)
  --anonymous-role R    none | read | write: what requests without a token may do (default: config, else none)
  --shuffle-unordered   serve: answer results a query does not order (no order()) in a random order,
                        new each query, as hosted Sanity may (default: config, else _id order)
  --keepalive-ms N      Interval of keepalive comments on listen streams and presence heartbeats (default 15000)
  --rate-limits L       Hosted's rate limits are on by default (per client IP and second: 500 requests,
                        25 mutations, 25 uploads; per dataset at once: 500 queries, 100 mutations).
                        "off" disables them for bulk local work; name=N,... raises some (0 = unlimited):
                        requestsPerSecond, mutationsPerSecond, uploadsPerSecond, concurrentQueries,
                        concurrentMutations. Overrides the config's "rateLimits".
  --verbatim            import: store documents exactly as given (no system fields added)
  --out FILE            export: write here instead of stdout
  --credentials         cors add: allow credentials from the origin
`

function options(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': {type: 'string'},
      config: {type: 'string'},
      port: {type: 'string'},
      host: {type: 'string'},
      seed: {type: 'string'},
      dataset: {type: 'string', multiple: true},
      acl: {type: 'string'},
      credentials: {type: 'boolean'},
      'project-id': {type: 'string'},
      'query-timeout-ms': {type: 'string'},
      'max-body-bytes': {type: 'string'},
      'anonymous-max-body-bytes': {type: 'string'},
      'query-workers': {type: 'string'},
      'anonymous-query-workers': {type: 'string'},
      'anonymous-query-queue': {type: 'string'},
      'listen-filter-timeout-ms': {type: 'string'},
      'anonymous-max-listeners': {type: 'string'},
      'anonymous-role': {type: 'string'},
      'keepalive-ms': {type: 'string'},
      'shuffle-unordered': {type: 'boolean'},
      'rate-limits': {type: 'string'},
      verbatim: {type: 'boolean'},
      out: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  })
}

type Values = ReturnType<typeof options>['values']

type IntOption =
  | 'port'
  | 'query-timeout-ms'
  | 'max-body-bytes'
  | 'keepalive-ms'
  | 'anonymous-max-body-bytes'
  | 'query-workers'
  | 'anonymous-query-workers'
  | 'anonymous-query-queue'
  | 'listen-filter-timeout-ms'
  | 'anonymous-max-listeners'

function intOption(values: Values, name: IntOption, fallback: number): number
function intOption(values: Values, name: IntOption, fallback: undefined): number | undefined
function intOption(values: Values, name: IntOption, fallback: number | undefined): number | undefined {
  const raw = values[name]
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`)
  return n
}

/** The config file the options name: --config, else the data dir's. */
function configFileOf(values: Values): string {
  return values.config ? path.resolve(values.config) : configPath(path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR))
}

function positive(values: Values, name: IntOption): number | undefined {
  const n = intOption(values, name, undefined)
  if (n === 0) throw new Error(`--${name} must be at least 1`)
  return n
}

function openLake(values: Values, extraDatasets: string[]): Lake {
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)
  fs.mkdirSync(dataDir, {recursive: true})
  const configFile = configFileOf(values)
  const config: LakeConfig = loadConfig(configFile)
  if (values['project-id']) config.projectId = values['project-id']
  const role = values['anonymous-role']
  if (role !== undefined) {
    if (role !== 'none' && role !== 'read' && role !== 'write') throw new Error(`--anonymous-role must be none, read or write`)
    config.anonymousRole = role
  }
  if (values['rate-limits'] !== undefined) config.rateLimits = parseRateLimits(values['rate-limits'], '--rate-limits')
  if (values['shuffle-unordered']) config.shuffleUnordered = true
  const acl = values.acl
  if (acl !== undefined && !ACL_MODES.includes(acl as AclMode)) throw new Error(`--acl must be public or private, got "${acl}"`)
  // Listed after the config's entries: an explicit --acl decides over the config for these.
  config.datasets = [...config.datasets, ...extraDatasets.map((name) => (acl ? {name, aclMode: acl as AclMode} : name))]
  return new Lake({dataDir, config, configFile, queryTimeoutMs: intOption(values, 'query-timeout-ms', DEFAULT_QUERY_TIMEOUT_MS)})
}

/** Every command holds the data dir's lock while it works; one that is in use is refused. */
function lockedDataDir(values: Values, purpose: string): string {
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)
  lockDataDir(dataDir, purpose)
  return dataDir
}

async function serve(values: Values): Promise<void> {
  const datasets = values.dataset ?? []
  lockedDataDir(values, 'serve')
  // Before any dataset opens: the pool is created with these settings.
  sharedQueryPool({
    workers: positive(values, 'query-workers'),
    anonymousWorkers: positive(values, 'anonymous-query-workers'),
    anonymousQueue: intOption(values, 'anonymous-query-queue', undefined),
  })
  const lake = openLake(values, datasets)
  const tls = await ensureCertificate(lake.dataDir)
  const server = await startServer({
    lake,
    port: intOption(values, 'port', DEFAULT_PORT),
    host: values.host ?? '127.0.0.1',
    tls,
    bodyLimit: intOption(values, 'max-body-bytes', 100 * 1024 * 1024),
    anonymousBodyLimit: intOption(values, 'anonymous-max-body-bytes', undefined),
    keepaliveMs: Math.max(10, intOption(values, 'keepalive-ms', 15_000)),
    listenFilterTimeoutMs: positive(values, 'listen-filter-timeout-ms'),
    anonymousListeners: intOption(values, 'anonymous-max-listeners', undefined),
    rateLimits: lake.config.rateLimits,
  })
  if (values.seed) {
    const seedDataset = datasets[0] ?? DEFAULT_DATASET
    if (lake.isEmpty()) {
      const file = path.resolve(values.seed)
      const docs = await parseNdjson(fs.readFileSync(file, 'utf8'))
      await importInto(lake, seedDataset, docs, {verbatim: false, baseDir: path.dirname(file), baseUrl: server.url, identity: 'seed'})
      console.log(`Seeded ${docs.length} documents into "${seedDataset}" from ${file}`)
    }
  }
  // After seeding: a seed import is not announced to webhooks.
  const webhooks = startWebhooks(lake)
  console.log(`Spotter lake listening on ${server.url}`)
  console.log(`  HTTPS/HTTP2 (for browsers and the Studio): ${server.httpsUrl} (certificate: ${tls.certPath})`)
  console.log(`  project "${lake.projectId}", datasets: ${lake.listDatasets().join(', ')}; data dir ${lake.dataDir}`)
  for (const [name, err] of lake.damagedDatasets())
    console.log(`  NOT SERVED: dataset "${name}" is damaged (details on stderr): ${err.file} at byte ${err.offset}`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await webhooks?.close()
    await lake.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

async function runImport(values: Values, file: string | undefined): Promise<void> {
  if (!file) throw new Error('import needs a file: spotter-lake import FILE.ndjson --data-dir D')
  const datasetName = values.dataset?.[0] ?? DEFAULT_DATASET
  lockedDataDir(values, 'import')
  const lake = openLake(values, [datasetName])
  try {
    const full = path.resolve(file)
    const docs = await parseNdjson(fs.readFileSync(full, 'utf8'))
    const baseUrl = `http://127.0.0.1:${intOption(values, 'port', DEFAULT_PORT)}`
    const result = await importInto(lake, datasetName, docs, {
      verbatim: values.verbatim ?? false,
      baseDir: path.dirname(full),
      baseUrl,
      identity: 'import',
    })
    console.log(`Imported ${result.documentCount} documents into "${datasetName}" (transaction ${result.transactionId})`)
  } finally {
    await lake.close()
  }
}

async function runExport(values: Values): Promise<void> {
  const datasetName = values.dataset?.[0] ?? DEFAULT_DATASET
  lockedDataDir(values, 'export')
  const lake = openLake(values, [])
  try {
    const chunks = exportNdjson(lake.dataset(datasetName).capture())
    if (values.out) {
      const fd = fs.openSync(values.out, 'w')
      try {
        for (const chunk of chunks) fs.writeSync(fd, chunk)
      } finally {
        fs.closeSync(fd)
      }
    } else {
      for (const chunk of chunks) process.stdout.write(chunk)
    }
  } finally {
    await lake.close()
  }
}

/** The datasets verify/repair look at: --dataset, else every folder under DIR/datasets. */
function datasetDirs(dataDir: string, values: Values): {name: string; dir: string}[] {
  const root = path.join(dataDir, 'datasets')
  const names =
    values.dataset ??
    (fs.existsSync(root)
      ? fs
          .readdirSync(root)
          .filter((n) => fs.statSync(path.join(root, n)).isDirectory())
          .sort()
      : [])
  return names.map((name) => {
    const dir = path.join(root, name)
    if (!fs.existsSync(dir)) throw new Error(`Dataset "${name}" does not exist in ${dataDir} (no ${dir})`)
    return {name, dir}
  })
}

function describe(inspection: Inspection, dir: string): {ok: boolean; text: string} {
  const transactions = `${inspection.log.intact.length} transactions, ${inspection.log.size} bytes`
  const snapshot =
    inspection.snapshot.kind === 'ok'
      ? `snapshot at seq ${inspection.snapshot.snapshot.seq} (${inspection.snapshot.snapshot.documents.count} documents)`
      : inspection.snapshot.kind === 'none'
        ? 'no snapshot'
        : 'snapshot DAMAGED'
  const legacy = inspection.log.legacyLines > 0 ? `; ${inspection.log.legacyLines} lines from before checksums` : ''
  if (inspection.problem) {
    return {
      ok: false,
      text: `DAMAGED: ${inspection.problem.file} at byte ${inspection.problem.offset}: ${inspection.problem.message}
    The lake will not serve it. Recover what can be recovered with: ${repairCommand(dir)}`,
    }
  }
  if (inspection.tornTail) {
    const t = inspection.tornTail
    return {
      ok: false,
      text: `TORN TAIL: ${inspection.logFile} ends in an incomplete append of ${t.bytes} bytes at byte ${t.offset} (${t.what}, never acknowledged). The lake cuts it off at start (keeping a copy), or run: ${repairCommand(dir)}`,
    }
  }
  if (inspection.replayWholeLog && inspection.snapshot.kind === 'damaged') {
    return {
      ok: false,
      text: `SNAPSHOT DAMAGED: ${inspection.snapshot.error.message}. Nothing is lost: the log holds every transaction (${transactions}); the lake sets the snapshot aside and replays the log at start, or run: ${repairCommand(dir)}`,
    }
  }
  return {ok: true, text: `ok: ${transactions}, ${snapshot}${legacy}`}
}

async function runVerify(values: Values): Promise<void> {
  const dataDir = lockedDataDir(values, 'verify')
  let ok = true
  for (const {name, dir} of datasetDirs(dataDir, values)) {
    const result = describe(inspectDataset(dir), dir)
    ok &&= result.ok
    console.log(`${name}: ${result.text}`)
  }
  if (!ok) process.exitCode = 1
}

async function runRepair(values: Values): Promise<void> {
  const dataDir = lockedDataDir(values, 'repair')
  for (const {name, dir} of datasetDirs(dataDir, values)) {
    const result = await repairDataset(dir)
    console.log(`${name}: ${result.changed ? 'repaired' : result.report[0]}`)
    if (result.changed) for (const line of result.report) console.log(`  ${line}`)
  }
}

async function main(): Promise<void> {
  const {values, positionals} = options(process.argv.slice(2))
  const [command, ...rest] = positionals
  if (values.help || !command) {
    process.stdout.write(USAGE)
    return
  }
  if (command === 'serve') return serve(values)
  if (command === 'import') return runImport(values, rest[0])
  if (command === 'export') return runExport(values)
  if (command === 'verify') return runVerify(values)
  if (command === 'repair') return runRepair(values)
  if (command === 'cors') return corsCommand(configFileOf(values), rest, values.credentials ?? false)
  throw new Error(`Unknown command "${command}"\n\n${USAGE}`)
}

main().catch((err: unknown) => {
  console.error(`spotter-lake: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
