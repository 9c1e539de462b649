// Click-to-edit in the Presentation tool: in draft mode the SDK's components and the site's own
// markup carry `data-sanity` attributes (document, type, field path); public pages carry none.
import {type EditPathSegment, type StudioEditContext, studioEditAttribute} from '@spotter/sdk'
import {isDraftMode} from './load.ts'

/** The Studio the overlays open ('/' when it is the Presentation tool's own frame parent). */
const studioUrl = process.env.SPOTTER_STUDIO_URL?.trim() || '/'

/** The edit context for the SDK's components: only in draft mode. */
export async function editContext(): Promise<StudioEditContext | undefined> {
  return (await isDraftMode()) ? {baseUrl: studioUrl} : undefined
}

/** Props for one field of a document, to spread on an element; nothing outside draft mode. */
export function editField(
  edit: StudioEditContext | undefined,
  document: {_id: string},
  type: string,
  ...path: EditPathSegment[]
): {'data-sanity'?: string} {
  return edit ? {'data-sanity': studioEditAttribute(edit, {id: document._id, type, path})} : {}
}
