// `npm start` keeps the club site's preview secret in the data dir: made once, then reused, so a
// preview link an editor shared works after a restart (test/e2e/main-job.test.ts follows the link
// across a restart).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {loadPreviewSecret, PREVIEW_SECRET_FILE} from '../../scripts/preview-secret.ts'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-secret-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, {recursive: true, force: true})))

describe('preview secret', () => {
  it('is created once in the data dir and the same at the next start', () => {
    const dataDir = path.join(tempDir(), 'data')
    const first = loadPreviewSecret(dataDir)
    expect(first).toMatch(/^[0-9a-f]{24}$/)
    const file = path.join(dataDir, PREVIEW_SECRET_FILE)
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first)
    expect(fs.statSync(file).mode & 0o077).toBe(0)
    expect(loadPreviewSecret(dataDir)).toBe(first)
  })

  it('keeps a secret the operator wrote there', () => {
    const dataDir = tempDir()
    fs.writeFileSync(path.join(dataDir, PREVIEW_SECRET_FILE), 'shared-with-the-editors\n')
    expect(loadPreviewSecret(dataDir)).toBe('shared-with-the-editors')
  })
})
