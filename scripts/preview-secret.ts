// The club site's preview secret for `npm start`: made once and kept in the data dir, so a
// preview link an editor shared keeps working after a restart.
import {randomBytes} from 'node:crypto'
import * as fs from 'node:fs'
import {join} from 'node:path'

export const PREVIEW_SECRET_FILE = 'preview-secret'

/** Reads `<dataDir>/preview-secret`, or creates it (owner-only) with a new random secret. */
export function loadPreviewSecret(dataDir: string): string {
  const file = join(dataDir, PREVIEW_SECRET_FILE)
  try {
    const kept = fs.readFileSync(file, 'utf8').trim()
    if (kept !== '') return kept
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`Cannot read the preview secret in ${file}: ${(error as Error).message}`)
  }
  fs.mkdirSync(dataDir, {recursive: true})
  const secret = randomBytes(12).toString('hex')
  try {
    // 'wx': two starts at once keep the first one's secret.
    fs.writeFileSync(file, `${secret}\n`, {mode: 0o600, flag: 'wx'})
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadPreviewSecret(dataDir)
    throw error
  }
}
