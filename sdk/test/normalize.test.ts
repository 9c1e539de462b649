import {describe, expect, it} from 'vitest'
import {normalizePortableText, type NormalizedObject, type PortableTextVocabulary} from '../src/portable-text/normalize.ts'
import {blocksToMarkdown} from '../src/portable-text/to-markdown.ts'
import {blocksToText} from '../src/portable-text/to-text.ts'

const vocabulary: PortableTextVocabulary = {
  types: ['callout'],
  styles: ['normal', 'h2', 'blockquote'],
  lists: ['bullet', 'number'],
  decorators: ['strong', 'em', 'code'],
  annotations: ['link'],
}

const span = (text: unknown, marks: unknown = []) => ({_type: 'span', _key: 's', text, marks})

describe('normalizePortableText', () => {
  it('drops what the vocabulary does not allow and repairs malformed blocks', () => {
    const warnings: string[] = []
    const out = normalizePortableText(
      [
        null,
        'text',
        42,
        {_type: 'constructor'},
        {_type: '@list', children: [{}]},
        {_type: 'callout', _key: 7, text: 'kept'},
        {_type: 'block', style: '__proto__', children: 'not an array'},
        {
          _type: 'block',
          style: 'h2',
          listItem: 'toString',
          level: 1e9,
          markDefs: [{_type: 'link', _key: 'l', href: 'x'}, {_type: 'evil', _key: 'e'}, null],
          children: [span(12, ['strong', 'l', 'e', 'nope', 3]), span(null), {_type: 'block', children: []}, null],
        },
      ],
      vocabulary,
      (message) => warnings.push(message),
    )
    expect(out).toEqual([
      {_type: 'callout', text: 'kept'},
      {_type: 'block', style: 'normal', markDefs: [], children: []},
      {
        _type: 'block',
        style: 'h2',
        listItem: 'bullet',
        level: 6,
        markDefs: [{_type: 'link', _key: 'l', href: 'x'}],
        children: [
          {_type: 'span', _key: 's', text: '12', marks: ['strong', 'l']},
          {_type: 'span', _key: 's', text: '', marks: []},
        ],
      },
    ])
    expect(warnings).toEqual([
      'unknown block type "constructor" skipped',
      'unknown block type "@list" skipped',
      'unknown annotation type "evil" skipped',
      'unknown mark "e" skipped',
      'unknown mark "nope" skipped',
      'unknown inline type "block" skipped',
    ])
  })

  it('accepts a single block and rejects non-objects', () => {
    expect(normalizePortableText({_type: 'block', children: [span('a')]}, vocabulary, () => {})).toHaveLength(1)
    expect(normalizePortableText('nope', vocabulary, () => {})).toEqual([])
    expect(normalizePortableText(undefined, vocabulary, () => {})).toEqual([])
  })
})

describe('text and Markdown serializers', () => {
  const blocks = normalizePortableText(
    [
      {_type: 'block', style: 'h2', children: [span('Technique # 1')]},
      {
        _type: 'block',
        markDefs: [
          {_type: 'link', _key: 'l', href: 'javascript:alert(1)'},
          {_type: 'link', _key: 'ok', href: 'https://example.com/a b'},
        ],
        children: [
          span('<script>alert(1)</script> '),
          span('bad', ['l']),
          span(' and '),
          span('good', ['ok', 'strong']),
          span(' `x`', ['code']),
        ],
      },
      {_type: 'block', listItem: 'number', children: [span('one')]},
      {_type: 'block', listItem: 'number', level: 2, children: [span('- nested')]},
      {_type: 'block', listItem: 'number', children: [span('two')]},
      {_type: 'callout', text: 'Careful'},
    ],
    vocabulary,
    () => {},
  )
  const types = {callout: (value: NormalizedObject) => String(value.text)}

  it('renders plain text with list markers', () => {
    expect(blocksToText(blocks, types)).toBe(
      'Technique # 1\n\n<script>alert(1)</script> bad and good `x`\n\n1. one\n  1. - nested\n2. two\n\nCareful',
    )
  })

  it('renders escaped Markdown with only safe links', () => {
    expect(blocksToMarkdown(blocks, {types})).toBe(
      [
        '## Technique \\# 1',
        '\\<script\\>alert\\(1\\)\\</script\\> bad and [**good**](<https://example.com/a%20b>)``  `x` ``',
        '1. one\n   1. \\- nested\n2. two',
        'Careful',
      ].join('\n\n'),
    )
  })
})
