#!/usr/bin/env node
// The lake's command line:
//   serve  --port P --host H --data-dir D --seed FILE.ndjson --config FILE --dataset NAME ...
//   import FILE.ndjson --data-dir D [--dataset production] [--verbatim]
//   export --data-dir D [--dataset production] [--out FILE]
import * as fs from 'node:fs'
import * as path from 'node:path'
import {parseArgs} from 'node:util'
import {configPath, DEFAULT_DATASET, loadConfig, type LakeConfig} from './config.ts'
import {Lake} from './lake.ts'
import {parseNdjson} from './ndjson-import.ts'
import {exportNdjson, importInto} from './routes/import-export.ts'
import {startServer} from './server.ts'
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

Options:
  --data-dir DIR        Data directory (default ${DEFAULT_DATA_DIR})
  --config FILE         Config file with projectId, datasets and tokens (default DIR/lake.config.json)
  --port N              Port for serve (default ${DEFAULT_PORT}; 0 picks a free port)
  --host HOST           Interface to bind (default 127.0.0.1)
  --seed FILE.ndjson    serve: import this file into --dataset if the data dir is empty
  --dataset NAME        Dataset for seed/import/export (default production); serve: also created
  --project-id ID       Override the config's projectId
  --query-timeout-ms N  Time limit per query (default ${DEFAULT_QUERY_TIMEOUT_MS})
  --max-body-bytes N    Largest accepted request body (default 100 MiB)
  --anonymous-role R    none | read | write: what requests without a token may do (default: config, else none)
  --keepalive-ms N      Interval of keepalive comments on listen streams and presence heartbeats (default 15000)
  --verbatim            import: store documents exactly as given (no system fields added)
  --out FILE            export: write here instead of stdout
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
      'project-id': {type: 'string'},
      'query-timeout-ms': {type: 'string'},
      'max-body-bytes': {type: 'string'},
      'anonymous-role': {type: 'string'},
      'keepalive-ms': {type: 'string'},
      verbatim: {type: 'boolean'},
      out: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  })
}

type Values = ReturnType<typeof options>['values']

function intOption(values: Values, name: 'port' | 'query-timeout-ms' | 'max-body-bytes' | 'keepalive-ms', fallback: number): number {
  const raw = values[name]
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`)
  return n
}

function openLake(values: Values, extraDatasets: string[]): Lake {
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)
  fs.mkdirSync(dataDir, {recursive: true})
  const config: LakeConfig = loadConfig(values.config ? path.resolve(values.config) : configPath(dataDir))
  if (values['project-id']) config.projectId = values['project-id']
  const role = values['anonymous-role']
  if (role !== undefined) {
    if (role !== 'none' && role !== 'read' && role !== 'write') throw new Error(`--anonymous-role must be none, read or write`)
    config.anonymousRole = role
  }
  config.datasets = [...new Set([...config.datasets, ...extraDatasets])]
  return new Lake({dataDir, config, queryTimeoutMs: intOption(values, 'query-timeout-ms', DEFAULT_QUERY_TIMEOUT_MS)})
}

/** serve holds DIR/lake.pid; import/export refuse to touch a data dir a running lake owns. */
function assertNotRunning(dataDir: string): void {
  const pidFile = path.join(dataDir, 'lake.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8'))
  try {
    process.kill(pid, 0)
  } catch {
    return // stale
  }
  throw new Error(`A lake (pid ${pid}) is serving ${dataDir}; stop it first, or use its HTTP API (/data/import, /data/export)`)
}

async function serve(values: Values): Promise<void> {
  const datasets = values.dataset ?? []
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)
  fs.mkdirSync(dataDir, {recursive: true})
  assertNotRunning(dataDir)
  const pidFile = path.join(dataDir, 'lake.pid')
  fs.writeFileSync(pidFile, String(process.pid))
  const lake = openLake(values, datasets)
  const tls = await ensureCertificate(lake.dataDir)
  const server = await startServer({
    lake,
    port: intOption(values, 'port', DEFAULT_PORT),
    host: values.host ?? '127.0.0.1',
    tls,
    bodyLimit: intOption(values, 'max-body-bytes', 100 * 1024 * 1024),
    keepaliveMs: Math.max(10, intOption(values, 'keepalive-ms', 15_000)),
  })
  if (values.seed) {
    const seedDataset = datasets[0] ?? DEFAULT_DATASET
    if (lake.isEmpty()) {
      const file = path.resolve(values.seed)
      const docs = parseNdjson(fs.readFileSync(file, 'utf8'))
      await importInto(lake, seedDataset, docs, {verbatim: false, baseDir: path.dirname(file), baseUrl: server.url, identity: 'seed'})
      console.log(`Seeded ${docs.length} documents into "${seedDataset}" from ${file}`)
    }
  }
  // After seeding: a seed import is not announced to webhooks.
  const webhooks = startWebhooks(lake)
  console.log(`Spotter lake listening on ${server.url}`)
  console.log(`  HTTPS/HTTP2 (for browsers and the Studio): ${server.httpsUrl} (certificate: ${tls.certPath})`)
  console.log(`  project "${lake.projectId}", datasets: ${lake.listDatasets().join(', ')}; data dir ${lake.dataDir}`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await webhooks?.close()
    await lake.close()
    fs.rmSync(pidFile, {force: true})
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

async function runImport(values: Values, file: string | undefined): Promise<void> {
  if (!file) throw new Error('import needs a file: spotter-lake import FILE.ndjson --data-dir D')
  const datasetName = values.dataset?.[0] ?? DEFAULT_DATASET
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)
  assertNotRunning(dataDir)
  const lake = openLake(values, [datasetName])
  try {
    const full = path.resolve(file)
    const docs = parseNdjson(fs.readFileSync(full, 'utf8'))
    const baseUrl = `http://127.0.0.1:${intOption(values, 'port', DEFAULT_PORT)}`
    const result = await importInto(lake, datasetName, docs, {verbatim: values.verbatim ?? false, baseDir: path.dirname(full), baseUrl, identity: 'import'})
    console.log(`Imported ${result.documentCount} documents into "${datasetName}" (transaction ${result.transactionId})`)
  } finally {
    await lake.close()
  }
}

async function runExport(values: Values): Promise<void> {
  const datasetName = values.dataset?.[0] ?? DEFAULT_DATASET
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)
  assertNotRunning(dataDir)
  const lake = openLake(values, [])
  try {
    const text = exportNdjson(lake.dataset(datasetName).documents.values())
    if (values.out) fs.writeFileSync(values.out, text)
    else process.stdout.write(text)
  } finally {
    await lake.close()
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
  throw new Error(`Unknown command "${command}"\n\n${USAGE}`)
}

main().catch((err: unknown) => {
  console.error(`spotter-lake: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
