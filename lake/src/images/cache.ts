// Transformed images on disk, keyed by the source file and the normalised parameters, so each
// size costs one resize: `<dataDir>/cache/images/<dataset>/<key>.<ext>`. Files are written to a
// temporary name and renamed, so a reader never sees half a file and the cache survives restarts;
// identical requests in flight share one render.
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {cacheKey, type ImageParams, type OutputFormat} from './params.ts'
import {renderImage} from './transform.ts'

const inFlight = new Map<string, Promise<string>>()
let tmpCounter = 0

export function imageCacheDir(dataDir: string, dataset: string): string {
  return path.join(dataDir, 'cache', 'images', dataset)
}

/** How a request was answered: `miss` rendered it, `hit` read the disk cache, `shared` waited for another request's render. */
export type CacheOutcome = 'hit' | 'miss' | 'shared'

/** The path of the transformed image, rendering it first unless it is cached. */
export async function transformedImage(
  cacheDir: string,
  source: string,
  p: ImageParams,
  format: OutputFormat,
): Promise<{file: string; outcome: CacheOutcome}> {
  const key = createHash('sha1')
    .update(`${path.basename(source)}\n${cacheKey(p, format)}`)
    .digest('hex')
  const file = path.join(cacheDir, `${path.basename(source).slice(0, 40)}-${key}.${format === 'pjpg' ? 'jpg' : format}`)
  if (fs.existsSync(file)) return {file, outcome: 'hit'}
  const pending = inFlight.get(file)
  if (pending) return {file: await pending, outcome: 'shared'}
  const rendering = render(file, source, p, format).finally(() => inFlight.delete(file))
  inFlight.set(file, rendering)
  return {file: await rendering, outcome: 'miss'}
}

async function render(file: string, source: string, p: ImageParams, format: OutputFormat): Promise<string> {
  const bytes = await renderImage(source, p, format)
  await fs.promises.mkdir(path.dirname(file), {recursive: true})
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`
  try {
    await fs.promises.writeFile(tmp, bytes)
    await fs.promises.rename(tmp, file)
  } catch (err) {
    await fs.promises.rm(tmp, {force: true})
    throw err
  }
  return file
}
