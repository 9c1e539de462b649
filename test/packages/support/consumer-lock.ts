// A package-lock.json for a consumer project outside the repository, written from this repository's
// own lockfile, so `npm ci --offline` installs the packed tarballs and their dependencies from the
// npm cache that `npm ci` of the repository filled: no request leaves the machine.
//
// The consumer's tree mirrors the repository's: an entry at `node_modules/x` keeps its place, and
// one nested under a workspace (`sdk/node_modules/x`) moves under the installed package
// (`node_modules/@spotter/sdk/node_modules/x`), so every require resolves to the same version as
// in the repository. Only the closure of what the consumer needs is written. The repository's
// lockfile records no `resolved` URLs (npm then reads the packuments to find the tarballs); the
// consumer's gets each tarball's URL on the configured registry, so a cache holding only the
// tarballs is enough.

interface LockEntry {
  version?: string
  resolved?: string
  integrity?: string
  link?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, {optional?: boolean}>
  [field: string]: unknown
}

export interface RepoLock {
  packages: Record<string, LockEntry>
}

export interface PackedWorkspace {
  /** The workspace folder in the repository, e.g. `sdk`. */
  workspace: string
  /** The package.json inside the tarball. */
  manifest: {
    name: string
    version: string
    dependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
    peerDependenciesMeta?: Record<string, {optional?: boolean}>
    bin?: Record<string, string>
    engines?: Record<string, string>
  }
  /** The tarball's path relative to the consumer project, e.g. `tarballs/spotter-sdk-0.1.0.tgz`. */
  tarball: string
  /** sha512 integrity of the tarball. */
  integrity: string
}

/** Where `name` resolves from `location` in the repository's tree (Node's lookup: nearest node_modules up). */
function resolveIn(lock: RepoLock, location: string, name: string): string | null {
  let at = location
  for (;;) {
    const candidate = `${at ? `${at}/` : ''}node_modules/${name}`
    if (lock.packages[candidate]) return candidate
    if (at === '') return null
    const nested = at.lastIndexOf('/node_modules/')
    at = nested === -1 ? '' : at.slice(0, nested)
  }
}

/** Where the registry keeps a version's tarball: REGISTRY/@scope/name/-/name-1.2.3.tgz. */
function tarballUrl(registry: string, at: string, entry: LockEntry): string {
  const name = typeof entry.name === 'string' ? entry.name : at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length)
  if (!entry.version) throw new Error(`${at} has no version in the repository's lockfile`)
  return `${registry.replace(/\/?$/, '/')}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`
}

/** The repository path of an entry as the consumer installs it. */
function consumerPath(repoPath: string, workspaces: Map<string, string>): string {
  if (repoPath.startsWith('node_modules/')) return repoPath
  const slash = repoPath.indexOf('/node_modules/')
  const name = workspaces.get(repoPath.slice(0, slash))
  if (!name) throw new Error(`${repoPath} sits under a workspace that is not packed`)
  return `node_modules/${name}${repoPath.slice(slash)}`
}

function requiredNames(entry: {
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, {optional?: boolean}>
}): Array<{name: string; optional: boolean}> {
  const names = [
    ...Object.keys(entry.dependencies ?? {}).map((name) => ({name, optional: false})),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({name, optional: true})),
    // npm installs peers; an optional peer only when something else brings it.
    ...Object.keys(entry.peerDependencies ?? {})
      .filter((name) => !entry.peerDependenciesMeta?.[name]?.optional)
      .map((name) => ({name, optional: false})),
  ]
  return names
}

/**
 * The consumer's package-lock.json: `packed` installed from their tarballs (`file:`), plus
 * `rootDependencies` (name -> version, each as the repository root resolves it).
 */
export function consumerLockfile(
  lock: RepoLock,
  packed: PackedWorkspace[],
  rootDependencies: string[],
  projectName: string,
  registry: string,
): {packageJson: Record<string, unknown>; lockfile: Record<string, unknown>} {
  const workspaces = new Map(packed.map((p) => [p.workspace, p.manifest.name]))
  const entries: Record<string, LockEntry> = {}
  const queue: Array<{from: string; name: string; optional: boolean; requiredBy: string}> = []
  const dependencies: Record<string, string> = {}

  for (const p of packed) {
    dependencies[p.manifest.name] = `file:${p.tarball}`
    const {name, version, dependencies: deps, peerDependencies, peerDependenciesMeta, bin, engines} = p.manifest
    entries[`node_modules/${name}`] = {
      version,
      resolved: `file:${p.tarball}`,
      integrity: p.integrity,
      ...(deps ? {dependencies: deps} : {}),
      ...(peerDependencies ? {peerDependencies} : {}),
      ...(peerDependenciesMeta ? {peerDependenciesMeta} : {}),
      ...(bin ? {bin} : {}),
      ...(engines ? {engines} : {}),
    }
    for (const dep of requiredNames(p.manifest)) queue.push({from: p.workspace, ...dep, requiredBy: name})
  }
  for (const name of rootDependencies) {
    const at = resolveIn(lock, '', name)
    const version = at && lock.packages[at]?.version
    if (!version) throw new Error(`${name} is not in the repository's lockfile`)
    dependencies[name] = version
    queue.push({from: '', name, optional: false, requiredBy: projectName})
  }

  const seen = new Set<string>()
  while (queue.length > 0) {
    const {from, name, optional, requiredBy} = queue.shift()!
    // A packed workspace depending on another packed workspace gets the tarball.
    if ([...workspaces.values()].includes(name)) continue
    const at = resolveIn(lock, from, name)
    if (!at) {
      if (optional) continue
      throw new Error(`${requiredBy} needs ${name}, which the repository's lockfile does not resolve from ${from || 'the root'}`)
    }
    if (seen.has(at)) continue
    seen.add(at)
    const entry = lock.packages[at]!
    if (entry.link) throw new Error(`${requiredBy} needs ${name}, a workspace that is not packed`)
    // Flags describe the repository's tree (dev, peer); npm works them out again for this one.
    const {dev: _dev, devOptional: _devOptional, peer: _peer, ...kept} = entry
    entries[consumerPath(at, workspaces)] = {...kept, resolved: kept.resolved ?? tarballUrl(registry, at, kept)}
    for (const dep of requiredNames(entry)) queue.push({from: at, ...dep, requiredBy: name})
  }

  const packageJson = {name: projectName, version: '1.0.0', private: true, type: 'module', dependencies}
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)))
  const lockfile = {
    name: projectName,
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {'': {name: projectName, version: '1.0.0', dependencies}, ...sorted},
  }
  return {packageJson, lockfile}
}
