// @spotter/sdk/jsonld: schema.org structured data for articles and exercises.
export {articleJsonLd, exerciseJsonLd, exercisePlan, howTo, imageObject, person} from './article.ts'
export type {ArticleJsonLdOptions, JsonLdNode, JsonLdValue} from './article.ts'
export {jsonLdScript, serializeJsonLd} from './serialize.ts'
