// The config's CORS origins, managed like `sanity cors`: `npm run lake -- cors add ORIGIN
// [--credentials] | list | remove ORIGIN`, and the same changes for `npm start` and test helpers.
// Works while a lake runs: it re-reads the list when the config file changes (http/cors.ts).
import {DEFAULT_CORS, loadConfig, parseCors, updateConfigFile} from './config.ts'
import {normalizeOrigin} from './cors-policy.ts'

const USAGE = 'Usage: spotter-lake cors add ORIGIN [--credentials] | cors list | cors remove ORIGIN'

/** Adds an origin to the config file's list, or changes its credentials if it is there. */
export function addCorsOrigin(file: string, origin: string, allowCredentials: boolean): 'Added' | 'Updated' {
  const normalized = normalizeOrigin(origin)
  let outcome: 'Added' | 'Updated' = 'Added'
  updateConfigFile(file, (raw) => {
    const list = parseCors(raw.cors, file)
    const at = list.findIndex((entry) => sameOrigin(entry.origin, normalized))
    const entry = {origin: normalized, allowCredentials}
    if (at >= 0) {
      outcome = 'Updated'
      list[at] = entry
    } else list.push(entry)
    raw.cors = list
  })
  return outcome
}

export function removeCorsOrigin(file: string, origin: string): void {
  const normalized = normalizeOrigin(origin)
  updateConfigFile(file, (raw) => {
    const list = parseCors(raw.cors, file)
    const at = list.findIndex((entry) => sameOrigin(entry.origin, normalized))
    if (at < 0) throw new Error(`${normalized} is not an allowed CORS origin of ${file}`)
    raw.cors = list.filter((_, i) => i !== at)
  })
}

export function corsCommand(file: string, args: string[], credentials: boolean): void {
  const [action, origin, ...extra] = args
  if (extra.length > 0) throw new Error(`cors ${action}: unexpected arguments ${extra.join(' ')}\n${USAGE}`)
  if (action === 'list') {
    if (origin !== undefined) throw new Error(`cors list takes no origin\n${USAGE}`)
    for (const entry of loadConfig(file).cors ?? DEFAULT_CORS) {
      console.log(`${entry.origin}${entry.allowCredentials ? '  (credentials allowed)' : ''}`)
    }
    return
  }
  if (action !== 'add' && action !== 'remove' && action !== 'delete') throw new Error(`Unknown cors command "${action ?? ''}"\n${USAGE}`)
  if (!origin) throw new Error(`cors ${action} needs an origin, e.g. http://localhost:3000\n${USAGE}`)
  const normalized = normalizeOrigin(origin)
  if (normalized !== origin) console.log(`Normalized origin to ${normalized}`)
  if (action === 'add') {
    const outcome = addCorsOrigin(file, normalized, credentials)
    console.log(`${outcome} ${normalized} (credentials ${credentials ? 'allowed' : 'not allowed'})`)
  } else {
    removeCorsOrigin(file, normalized)
    console.log(`Removed ${normalized}`)
  }
}

function sameOrigin(stored: string, normalized: string): boolean {
  try {
    return normalizeOrigin(stored) === normalized
  } catch {
    return stored === normalized
  }
}
