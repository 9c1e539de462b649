// @spotter/sdk/html: the React entry's output as HTML strings, without React.
export {articleBlockHtmlRenderers, articleBodyToHtml, articleToHtml} from './article.ts'
export type {ArticleBlockHtmlContext, ArticleBlockHtmlRenderers, ArticleHtmlOptions} from './article.ts'
export {bylineHtml, creditedImageHtml, disclaimerHtml, exerciseCardHtml, exerciseGuideHtml, prescriptionTableHtml} from './components.ts'
export {escapeHtml} from '../portable-text/escape.ts'
export {jsonLdScript} from '../jsonld/serialize.ts'
export type {HeadingLevel} from '../portable-text/heading-levels.ts'
