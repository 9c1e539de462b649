// A disclaimer (medical, information only, injury) as an aside with its rich text.
import {createElement as h, type ReactNode} from 'react'
import type {DisclaimerResult} from '../models.ts'
import {richTextVocabulary} from '../vocabulary.ts'
import {SafePortableText} from './portable-text.ts'

export interface DisclaimerProps {
  disclaimer: DisclaimerResult
  tone?: 'info' | 'caution' | 'critical' | null
  className?: string
}

export function Disclaimer({disclaimer, tone, className}: DisclaimerProps): ReactNode {
  return h(
    'aside',
    {className, role: 'note', 'data-kind': disclaimer.kind, 'data-tone': tone ?? (disclaimer.kind === 'medical' ? 'caution' : 'info')},
    SafePortableText({value: disclaimer.body, vocabulary: richTextVocabulary}),
  )
}
