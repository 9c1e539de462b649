// Sync tags: opaque names for what a query result depends on, and for what a transaction changed.
// The lake tags by dataset and reader class, never by document: a transaction's message carries
// every class whose documents it touched, so a result is never left stale (dereferences,
// subqueries and joins included, since the whole class is one tag). Three classes:
// - `public`: documents an anonymous reader may read (root-path ids of a public dataset);
// - `published`: every document of the published perspective (also dotted ids like `settings.site`);
// - `all`: every document, drafts and release versions included.
// A tag is a hash of project, dataset and class, so it names no document and no id.
import {createHash} from 'node:crypto'
import {isPublishedId, isRootPath} from '../query/store.ts'
import type {AclMode} from '../config.ts'
import type {Perspective} from '../types.ts'

export type SyncTag = `s1:${string}`
type TagClass = 'public' | 'published' | 'all'

export interface TagContext {
  projectId: string
  dataset: string
}

/** What a live stream may be told about: set by its token and `includeDrafts`. */
export type StreamReach = 'anonymous' | 'published' | 'drafts'

/** Tags by project, dataset and class: every query answer carries two or three. */
const tags = new Map<string, SyncTag>()

function tag(context: TagContext, tagClass: TagClass): SyncTag {
  const key = `${context.projectId}\0${context.dataset}\0${tagClass}`
  let known = tags.get(key)
  if (known === undefined) {
    known = `s1:${createHash('sha256').update(key).digest('base64url').slice(0, 12)}`
    if (tags.size >= 10_000) tags.clear()
    tags.set(key, known)
  }
  return known
}

/**
 * The tags of a query result. Without a token a result holds only public documents; with one it
 * may hold any document its perspective shows, so it carries that class's tag too (a stream
 * with a token and `includeDrafts` sends it).
 */
export function queryTags(context: TagContext, perspective: Perspective, anonymous: boolean): SyncTag[] {
  const tags = [tag(context, 'public')]
  if (anonymous) return tags
  tags.push(tag(context, 'published'))
  if (perspective !== 'published') tags.push(tag(context, 'all'))
  return tags
}

/** The tags a transaction that touched `ids` invalidates, as far as a stream of this reach may know. */
export function transactionTags(context: TagContext, ids: Iterable<string>, reach: StreamReach, aclMode: AclMode): SyncTag[] {
  let touchesPublic = false
  let touchesPublished = false
  let touchesAny = false
  for (const id of ids) {
    touchesAny = true
    if (isPublishedId(id)) touchesPublished = true
    if (aclMode === 'public' && isRootPath(id)) touchesPublic = true
  }
  const tags: SyncTag[] = []
  if (touchesPublic) tags.push(tag(context, 'public'))
  if (reach === 'anonymous') return tags
  if (touchesPublished) tags.push(tag(context, 'published'))
  if (reach === 'drafts' && touchesAny) tags.push(tag(context, 'all'))
  return tags
}
