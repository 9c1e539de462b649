// The SDK's wrapper around @portabletext/react: input normalized against the schema vocabulary
// first, links through SafeLink, unknown types render nothing (the normalizer already warned).
// Styles, lists and decorators get plain components with the same markup as the library's
// defaults (which carry React Compiler memo caches that a one-shot server render never reuses).
import {PortableText, type PortableTextComponents} from '@portabletext/react'
import {createElement as h, type ReactNode} from 'react'
import {normalizePortableText, type NormalizedObject, type PortableTextVocabulary, type Warn} from '../portable-text/normalize.ts'
import type {EditProps} from '../studio-edit.ts'
import {SafeLink} from './safe-link.ts'

type Wrap = (props: {children?: ReactNode}) => ReactNode
const wrap =
  (tag: string): Wrap =>
  ({children}) =>
    h(tag, null, children)

export const baseComponents = {
  block: {
    normal: wrap('p'),
    h1: wrap('h1'),
    h2: wrap('h2'),
    h3: wrap('h3'),
    h4: wrap('h4'),
    h5: wrap('h5'),
    h6: wrap('h6'),
    blockquote: wrap('blockquote'),
  },
  list: {bullet: wrap('ul'), number: wrap('ol')},
  listItem: wrap('li'),
  marks: {
    strong: wrap('strong'),
    em: wrap('em'),
    link: ({value, children}) => SafeLink({href: (value as {href?: unknown} | undefined)?.href, children}),
  },
  unknownType: () => null,
  unknownMark: ({children}) => children,
} satisfies PortableTextComponents

/** The same block components, each block carrying the click-to-edit attribute of its `_key`. */
function editableBlocks(edit: EditProps): PortableTextComponents {
  type Keyed = {value?: {_key?: string}; children?: ReactNode}
  const keyed =
    (tag: string) =>
    ({value, children}: Keyed) =>
      h(tag, value?._key ? edit({_key: value._key}) : null, children)
  const block = Object.fromEntries(Object.keys(baseComponents.block).map((style) => [style, keyed(style === 'normal' ? 'p' : style)]))
  return {...baseComponents, block, listItem: keyed('li')}
}

export interface SafePortableTextProps {
  value: unknown
  vocabulary: PortableTextVocabulary
  /** Renderers for the vocabulary's custom block types. */
  types?: PortableTextComponents['types']
  onWarning?: Warn
  /** Shape check for custom objects (see normalizePortableText). */
  isValid?: (object: NormalizedObject) => boolean
  /** Click-to-edit attributes for the text blocks (by `_key`), when editing. */
  editBlock?: EditProps
}

export function SafePortableText({value, vocabulary, types, onWarning, isValid, editBlock}: SafePortableTextProps): ReactNode {
  const blocks = normalizePortableText(value, vocabulary, onWarning, isValid)
  const base = editBlock ? editableBlocks(editBlock) : baseComponents
  return h(PortableText, {value: blocks, components: types ? {...base, types} : base, onMissingComponent: false})
}
