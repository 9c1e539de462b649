// `npm run lake -- cors add ORIGIN [--credentials] | list | remove ORIGIN`: the config's CORS
// origins, managed like `sanity cors`. Works while a lake runs: it re-reads the list when the
// config file changes (lake/src/http/cors.ts).
import {DEFAULT_CORS, parseCors, updateConfigFile, loadConfig, type CorsOrigin} from './config.ts'
import {normalizeOrigin} from './http/cors.ts'

const USAGE = 'Usage: spotter-lake cors add ORIGIN [--credentials] | cors list | cors remove ORIGIN'

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
  let done = ''
  updateConfigFile(file, (raw) => {
    const list: CorsOrigin[] = parseCors(raw.cors, file)
    const at = list.findIndex((entry) => sameOrigin(entry.origin, normalized))
    if (action === 'add') {
      const entry = {origin: normalized, allowCredentials: credentials}
      if (at >= 0) list[at] = entry
      else list.push(entry)
      done = `${at >= 0 ? 'Updated' : 'Added'} ${normalized} (credentials ${credentials ? 'allowed' : 'not allowed'})`
    } else {
      if (at < 0) throw new Error(`${normalized} is not an allowed CORS origin of ${file}`)
      list.splice(at, 1)
      done = `Removed ${normalized}`
    }
    raw.cors = list
  })
  console.log(done)
}

function sameOrigin(stored: string, normalized: string): boolean {
  try {
    return normalizeOrigin(stored) === normalized
  } catch {
    return stored === normalized
  }
}
