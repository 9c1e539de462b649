// A lake: one project with its datasets, under one data directory:
//   lake.config.json, datasets/<name>/{txlog.ndjson,snapshot.ndjson}, assets/<name>/..., tls/
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {LakeConfig} from './config.ts'
import {badRequest, notFound} from './http/errors.ts'
import {Dataset} from './store/dataset.ts'

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

  private open(name: string): Dataset {
    const dataset = Dataset.open(path.join(this.datasetsDir, name), name, {queryTimeoutMs: this.queryTimeoutMs, projectId: this.projectId})
    this.datasets.set(name, dataset)
    return dataset
  }

  dataset(name: string): Dataset {
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
    return this.datasets.get(name) ?? this.open(name)
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
    for (const dataset of this.datasets.values()) if (dataset.documents.size > 0) return false
    return true
  }

  async close(): Promise<void> {
    for (const dataset of this.datasets.values()) await dataset.close()
  }
}
