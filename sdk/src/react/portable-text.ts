// The SDK's wrapper around @portabletext/react: input normalized against the schema vocabulary
// first, links through SafeLink, unknown types render nothing (the normalizer already warned).
// Styles, lists and decorators get plain components with the same markup as the library's
// defaults (which carry React Compiler memo caches that a one-shot server render never reuses).
import {PortableText, type PortableTextComponents} from '@portabletext/react'
import {createElement as h, type ReactNode} from 'react'
import {normalizePortableText, type NormalizedObject, type PortableTextVocabulary, type Warn} from '../portable-text/normalize.ts'
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

export interface SafePortableTextProps {
  value: unknown
  vocabulary: PortableTextVocabulary
  /** Renderers for the vocabulary's custom block types. */
  types?: PortableTextComponents['types']
  onWarning?: Warn
  /** Shape check for custom objects (see normalizePortableText). */
  isValid?: (object: NormalizedObject) => boolean
}

export function SafePortableText({value, vocabulary, types, onWarning, isValid}: SafePortableTextProps): ReactNode {
  const blocks = normalizePortableText(value, vocabulary, onWarning, isValid)
  return h(PortableText, {value: blocks, components: types ? {...baseComponents, types} : baseComponents, onMissingComponent: false})
}
