// A lake: one project with its datasets, under one data directory:
//   lake.config.json, datasets/<name>/{txlog.ndjson,snapshot.ndjson}, assets/<name>/..., tls/
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {LakeConfig} from './config.ts'
import {badRequest, HttpError, notFound} from './http/errors.ts'
import {Dataset} from './store/dataset.ts'
import {DatasetDamagedError} from './store/integrity.ts'

export const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

export interface LakeOptions {
  dataDir: string
  config: LakeConfig
  queryTimeoutMs: number
}

export class Lake {
  readonly dataDir: string
  readonly config: LakeConfig
  readonly assetsDir: string
  private readonly queryTimeoutMs: number
  private readonly datasets = new Map<string, Dataset>()
  /** Datasets whose files failed the check at start: not served, every request answers why. */
  private readonly damaged = new Map<string, DatasetDamagedError>()

  constructor(options: LakeOptions) {
    this.dataDir = options.dataDir
    this.config = options.config
    this.queryTimeoutMs = options.queryTimeoutMs
    this.assetsDir = path.join(this.dataDir, 'assets')
    const existing = fs.existsSync(this.datasetsDir) ? fs.readdirSync(this.datasetsDir) : []
    for (const name of new Set([...options.config.datasets, ...existing])) {
      if (DATASET_NAME.test(name)) this.open(name)
    }
  }

  get projectId(): string {
    return this.config.projectId
  }

  private get datasetsDir(): string {
    return path.join(this.dataDir, 'datasets')
  }

  private open(name: string): Dataset | null {
    try {
      const dataset = Dataset.open(path.join(this.datasetsDir, name), name, {queryTimeoutMs: this.queryTimeoutMs, projectId: this.projectId})
      this.datasets.set(name, dataset)
      return dataset
    } catch (err) {
      // One damaged dataset must not take the others down: it is set aside with its reason.
      if (!(err instanceof DatasetDamagedError)) throw err
      console.error(`[lake] ${err.message}`)
      this.damaged.set(name, err)
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

  createDataset(name: string): Dataset {
    if (!DATASET_NAME.test(name)) {
      throw badRequest(`Dataset name "${name}" is invalid: use 1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit`, 'invalidDatasetNameError')
    }
    if (this.damaged.has(name)) throw this.unavailable(name)
    const dataset = this.datasets.get(name) ?? this.open(name)
    if (!dataset) throw this.unavailable(name)
    return dataset
  }

  async deleteDataset(name: string): Promise<void> {
    const dataset = this.dataset(name)
    this.datasets.delete(name)
    dataset.markDeleted()
    await dataset.close()
    fs.rmSync(dataset.dir, {recursive: true, force: true})
    fs.rmSync(path.join(this.assetsDir, name), {recursive: true, force: true})
  }

  /** True when no dataset holds a document (seeding only fills an empty lake). */
  isEmpty(): boolean {
    if (this.damaged.size > 0) return false
    for (const dataset of this.datasets.values()) if (dataset.documents.size > 0) return false
    return true
  }

  async close(): Promise<void> {
    for (const dataset of this.datasets.values()) await dataset.close()
  }
}
