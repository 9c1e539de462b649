// A lake: one project with its datasets, under one data directory:
//   lake.config.json, datasets/<name>/{txlog.ndjson,snapshot.ndjson,dataset.json}, assets/<name>/..., tls/
import * as fs from 'node:fs'
import * as path from 'node:path'
import {ACL_MODES, parseDatasetEntry, type AclMode, type LakeConfig} from './config.ts'
import {CorsPolicy} from './cors-policy.ts'
import {badRequest, HttpError, notFound} from './errors.ts'
import {imageCacheDir} from './images/cache.ts'
import {Dataset} from './store/dataset.ts'
import {DatasetDamagedError} from './store/integrity.ts'

export const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

export interface LakeOptions {
  dataDir: string
  config: LakeConfig
  /** The file `config` came from: the CORS origins are re-read from it when it changes. */
  configFile?: string
  queryTimeoutMs: number
}

/** A dataset's own settings, kept in `datasets/<name>/dataset.json`. */
interface DatasetSettings {
  aclMode: AclMode
}

export class Lake {
  readonly dataDir: string
  readonly config: LakeConfig
  readonly assetsDir: string
  /** Browser origins allowed to call the API (config `cors`, followed while running). */
  readonly cors: CorsPolicy
  private readonly queryTimeoutMs: number
  private readonly datasets = new Map<string, Dataset>()
  private readonly settings = new Map<string, DatasetSettings>()
  /** Datasets whose files failed the check at start: not served, every request answers why. */
  private readonly damaged = new Map<string, DatasetDamagedError>()

  constructor(options: LakeOptions) {
    this.dataDir = options.dataDir
    this.config = options.config
    this.queryTimeoutMs = options.queryTimeoutMs
    this.assetsDir = path.join(this.dataDir, 'assets')
    this.cors = new CorsPolicy(options.config.cors, options.configFile ?? null)
    const existing = fs.existsSync(this.datasetsDir) ? fs.readdirSync(this.datasetsDir) : []
    for (const name of existing) if (DATASET_NAME.test(name)) this.open(name)
    // Config entries create missing datasets; an entry with an aclMode sets it (the config is
    // what the operator wants), a plain name leaves an existing dataset's mode alone.
    for (const [i, entry] of options.config.datasets.entries()) {
      const {name, aclMode} = parseDatasetEntry(entry, `datasets[${i}]`)
      if (!DATASET_NAME.test(name) || this.damaged.has(name)) continue
      if (this.datasets.has(name)) {
        if (aclMode) this.setAclMode(name, aclMode)
      } else this.createDataset(name, aclMode)
    }
  }

  get projectId(): string {
    return this.config.projectId
  }

  private get datasetsDir(): string {
    return path.join(this.dataDir, 'datasets')
  }

  private open(name: string): Dataset | null {
    const dir = path.join(this.datasetsDir, name)
    try {
      const dataset = Dataset.open(dir, name, {queryTimeoutMs: this.queryTimeoutMs, projectId: this.projectId})
      this.datasets.set(name, dataset)
      this.settings.set(name, readSettings(dataset.dir))
      return dataset
    } catch (err) {
      // One damaged dataset must not take the others down: it is set aside with its reason.
      if (!(err instanceof DatasetDamagedError)) throw err
      console.error(`[lake] ${err.message}`)
      this.damaged.set(name, err)
      this.settings.set(name, readSettings(dir))
      return null
    }
  }

  /** Datasets not served because their files are damaged, with the reason (names file, offset, repair command). */
  damagedDatasets(): Map<string, DatasetDamagedError> {
    return new Map(this.damaged)
  }

  private unavailable(name: string): HttpError {
    const err = this.damaged.get(name)
    return new HttpError(503, 'datasetDamagedError', err?.message ?? `Dataset "${name}" is not available`)
  }

  dataset(name: string): Dataset {
    if (this.damaged.has(name)) throw this.unavailable(name)
    const dataset = this.datasets.get(name)
    if (!dataset) throw notFound(`Dataset "${name}" not found`, 'datasetNotFoundError')
    return dataset
  }

  hasDataset(name: string): boolean {
    return this.datasets.has(name)
  }

  listDatasets(): string[] {
    return [...this.datasets.keys()].sort()
  }

  /** Creates a dataset (`aclMode` default public); for an existing one, sets `aclMode` if given. */
  createDataset(name: string, aclMode?: AclMode): Dataset {
    if (!DATASET_NAME.test(name)) {
      throw badRequest(
        `Dataset name "${name}" is invalid: use 1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit`,
        'invalidDatasetNameError',
      )
    }
    if (this.damaged.has(name)) throw this.unavailable(name)
    const existing = this.datasets.get(name)
    if (existing) {
      if (aclMode) this.setAclMode(name, aclMode)
      return existing
    }
    const dataset = this.open(name)
    if (!dataset) throw this.unavailable(name)
    this.setAclMode(name, aclMode ?? 'public')
    return dataset
  }

  /** Who may read the dataset without a token: `public` (root-path documents) or `private` (nothing). */
  aclMode(name: string): AclMode {
    return this.settings.get(name)?.aclMode ?? 'public'
  }

  setAclMode(name: string, aclMode: AclMode): void {
    const dataset = this.dataset(name)
    if (!ACL_MODES.includes(aclMode))
      throw badRequest(`aclMode must be "public" or "private", got ${JSON.stringify(aclMode)}`, 'invalidAclModeError')
    const settings = {...this.settings.get(name), aclMode}
    const file = path.join(dataset.dir, SETTINGS_FILE)
    // Written before it takes effect, atomically: a restart never finds the mode half-changed.
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(settings)}\n`)
    fs.renameSync(`${file}.tmp`, file)
    this.settings.set(name, settings)
  }

  async deleteDataset(name: string): Promise<void> {
    const dataset = this.dataset(name)
    this.datasets.delete(name)
    this.settings.delete(name)
    dataset.markDeleted()
    await dataset.close()
    fs.rmSync(dataset.dir, {recursive: true, force: true})
    fs.rmSync(path.join(this.assetsDir, name), {recursive: true, force: true})
    fs.rmSync(imageCacheDir(this.dataDir, name), {recursive: true, force: true})
  }

  /** True when no dataset holds a document (seeding only fills an empty lake). */
  isEmpty(): boolean {
    if (this.damaged.size > 0) return false
    for (const dataset of this.datasets.values()) if (dataset.documentCount > 0) return false
    return true
  }

  async close(): Promise<void> {
    for (const dataset of this.datasets.values()) await dataset.close()
  }
}

const SETTINGS_FILE = 'dataset.json'

/** A dataset's settings; data dirs from before the file existed hold public datasets. */
function readSettings(dir: string): DatasetSettings {
  const file = path.join(dir, SETTINGS_FILE)
  if (!fs.existsSync(file)) return {aclMode: 'public'}
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`)
  }
  const aclMode = (raw as {aclMode?: unknown} | null)?.aclMode
  if (!ACL_MODES.includes(aclMode as AclMode))
    throw new Error(`${file}: aclMode must be "public" or "private", got ${JSON.stringify(aclMode)}`)
  return {aclMode: aclMode as AclMode}
}
