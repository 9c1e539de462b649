// Every block type of the article body must have a renderer in every output: the renderer maps
// are complete mappings over the body's block types, so a missing one is a compile error.
import type {ReactNode} from 'react'
import {describe, expectTypeOf, it} from 'vitest'
import type {ArticleBlockHtmlRenderers} from '../src/html/index.ts'
import type {ArticleBlockType} from '../src/index.ts'
import type {ArticleBlockMarkdownRenderers} from '../src/markdown/index.ts'
import type {ArticleBlockRenderers, ArticleBlockRendererProps} from '../src/react/index.ts'
import {articleBlockRenderers} from '../src/react/index.ts'
import type {ArticleBlockTextRenderers} from '../src/text/index.ts'

type Custom = Exclude<ArticleBlockType, 'block'>

describe('renderer maps', () => {
  it('cover exactly the custom block types, in every output', () => {
    expectTypeOf<keyof ArticleBlockRenderers>().toEqualTypeOf<Custom>()
    expectTypeOf<keyof ArticleBlockHtmlRenderers>().toEqualTypeOf<Custom>()
    expectTypeOf<keyof ArticleBlockTextRenderers>().toEqualTypeOf<Custom>()
    expectTypeOf<keyof ArticleBlockMarkdownRenderers>().toEqualTypeOf<Custom>()
  })

  it('reject a map with a block type missing', () => {
    const {pullQuote: _omitted, ...withoutPullQuote} = articleBlockRenderers
    // @ts-expect-error: pullQuote has no renderer
    const incomplete: ArticleBlockRenderers = withoutPullQuote
    void incomplete
  })

  it('give each renderer its block type', () => {
    expectTypeOf<ArticleBlockRendererProps<'citation'>['value']['claim']>().toEqualTypeOf<string>()
    const citation = (props: ArticleBlockRendererProps<'citation'>): ReactNode => props.value.claim
    // @ts-expect-error: a citation renderer cannot render pull quotes
    const wrong: ArticleBlockRenderers['pullQuote'] = citation
    void wrong
  })
})
