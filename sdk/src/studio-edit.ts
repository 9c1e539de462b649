// Click-to-edit attributes for Sanity's Presentation tool: `data-sanity` values in the string
// format @sanity/visual-editing's createDataAttribute writes and its overlays read
// (`id=…;type=…;path=…;base=…`, the path with `:` before an array key or index). Written here,
// a few lines, so the SDK needs no client library; sdk/test/edit-attributes.test.ts decodes them
// with @sanity/visual-editing's own decoder.

/** One step of a field path: a field name, an array index, or an array item by `_key`. */
export type EditPathSegment = string | number | {_key: string}
export type EditPath = readonly EditPathSegment[]

/**
 * Where editors edit the content, for click-to-edit attributes. Pass it to the React components
 * only in draft mode: without it they render no attribute at all.
 */
export interface StudioEditContext {
  /** The Studio's URL or path as the Presentation tool knows it, e.g. `/` or `https://studio.example.org`. */
  baseUrl: string
  /** The Studio workspace, when it has more than one. */
  workspace?: string
  /** The Studio tool to open, when not the default one. */
  tool?: string
  /**
   * For components given only part of a document (`ArticleBody`, `CreditedImage`,
   * `PrescriptionTable`): the document and the field the part sits at, e.g.
   * `{id: article._id, type: 'article', path: ['heroImage']}`. Components given whole documents
   * (`ArticleView`, `ExerciseGuide`, `ExerciseCard`, `Byline`, `Disclaimer`) take them from the content.
   */
  document?: {id: string; type: string}
  path?: EditPath
}

/** The published id: the Studio edits a document by it, whichever draft or version was rendered. */
function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

function encodePath(path: EditPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'string') out += out ? `.${segment}` : segment
    else out += `:${typeof segment === 'number' ? segment : segment._key}`
  }
  return out
}

/** The `data-sanity` value for one field of one document. */
export function studioEditAttribute(context: StudioEditContext, target: {id: string; type: string; path: EditPath}): string {
  if (!target.path.length) throw new Error('studioEditAttribute: path is empty; name the field to edit')
  return [
    ['id', publishedId(target.id)],
    ['type', target.type],
    ['path', encodePath(target.path)],
    ['base', encodeURIComponent(context.baseUrl)],
    ['workspace', context.workspace],
    ['tool', context.tool],
  ]
    .filter(([, value]) => !!value)
    .map(([key, value]) => `${key}=${value}`)
    .join(';')
}

/** Props to spread on an element: the attribute for `path` under a base, or nothing without a context. */
export type EditProps = (...path: EditPathSegment[]) => {'data-sanity'?: string}

const none: EditProps = () => ({})

/** Attribute props for fields of one document (under `base`), or none when not editing. */
export function editProps(context: StudioEditContext | undefined, id: string | undefined, type: string, base: EditPath = []): EditProps {
  if (!context || !id) return none
  return (...path) => ({'data-sanity': studioEditAttribute(context, {id, type, path: [...base, ...path]})})
}

/** Attribute props for the part of a document the context names (see StudioEditContext.document). */
export function partEditProps(context: StudioEditContext | undefined): EditProps {
  if (!context?.document) return none
  return editProps(context, context.document.id, context.document.type, context.path ?? [])
}

/** The context for a part of a document, to hand to a part component. */
export function partContext(
  context: StudioEditContext | undefined,
  id: string,
  type: string,
  path: EditPath,
): StudioEditContext | undefined {
  return context ? {...context, document: {id, type}, path} : undefined
}
