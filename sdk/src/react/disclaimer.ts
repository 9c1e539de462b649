// A disclaimer (medical, information only, injury) as an aside with its rich text.
import {createElement as h, type ReactNode} from 'react'
import type {DisclaimerResult} from '../models.ts'
import {editProps, type StudioEditContext} from '../studio-edit.ts'
import {richTextVocabulary} from '../vocabulary.ts'
import {SafePortableText} from './portable-text.ts'

export interface DisclaimerProps {
  disclaimer: DisclaimerResult
  tone?: 'info' | 'caution' | 'critical' | null
  className?: string
  /** Click-to-edit attributes (draft mode only). */
  edit?: StudioEditContext
}

export function Disclaimer({disclaimer, tone, className, edit}: DisclaimerProps): ReactNode {
  const at = editProps(edit, disclaimer._id, 'disclaimer')
  return h(
    'aside',
    {
      className,
      role: 'note',
      'data-kind': disclaimer.kind,
      'data-tone': tone ?? (disclaimer.kind === 'medical' ? 'caution' : 'info'),
      ...at('body'),
    },
    SafePortableText({value: disclaimer.body, vocabulary: richTextVocabulary, ...(edit ? {editBlock: (key) => at('body', key)} : {})}),
  )
}
