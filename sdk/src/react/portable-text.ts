// The SDK's wrapper around @portabletext/react: input normalized against the schema vocabulary
// first, links through SafeLink, unknown types render nothing (the normalizer already warned).
import {PortableText, type PortableTextComponents} from '@portabletext/react'
import {createElement as h, type ReactNode} from 'react'
import {normalizePortableText, type NormalizedObject, type PortableTextVocabulary, type Warn} from '../portable-text/normalize.ts'
import {SafeLink} from './safe-link.ts'

export const baseComponents = {
  marks: {
    link: ({value, children}) => h(SafeLink, {href: (value as {href?: unknown} | undefined)?.href}, children),
  },
  unknownType: () => null,
  unknownMark: ({children}) => children,
} satisfies PortableTextComponents

export interface SafePortableTextProps {
  value: unknown
  vocabulary: PortableTextVocabulary
  components: PortableTextComponents
  onWarning?: Warn
  /** Shape check for custom objects (see normalizePortableText). */
  isValid?: (object: NormalizedObject) => boolean
}

export function SafePortableText({value, vocabulary, components, onWarning, isValid}: SafePortableTextProps): ReactNode {
  const blocks = normalizePortableText(value, vocabulary, onWarning, isValid)
  return h(PortableText, {
    value: blocks,
    components: {...baseComponents, ...components, marks: {...baseComponents.marks, ...components.marks}},
    onMissingComponent: false,
  })
}
