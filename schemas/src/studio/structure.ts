// The desk editors see: exercises by category, articles by kind and by status, then the
// supporting documents. Lists filter with GROQ; "new document" buttons in a category or kind
// list start the document in that category or kind (templates in ./templates.ts). "Needs
// attention" lists the work left to do, with counts in the titles (./attention.ts).
import type {SanityClient} from 'sanity'
import type {StructureBuilder, StructureResolver} from 'sanity/structure'
import {articleKinds, exerciseCategories} from '../options.ts'
import {typeNames} from '../schema-types.ts'
import {attentionCountsQuery, attentionLists, attentionParams, titleWithCount} from './attention.ts'

/** Draft state as the Studio's lists see it (drafts perspective: `_originalId` is the stored id). */
export const HAS_DRAFT = '_originalId in path("drafts.**")'

/** The GROQ API version of every filtered list (a list without one makes the Studio warn). */
export const STRUCTURE_API_VERSION = '2025-02-19'

/** The "Needs attention" list, its titles counting what each list holds now (drafts included). */
export async function attentionList(S: StructureBuilder, client: SanityClient, today = new Date()) {
  const params = attentionParams(today)
  const counts = await client
    .fetch<Record<string, number>>(attentionCountsQuery(), params, {perspective: 'drafts'})
    .catch(() => ({}) as Record<string, number>)
  return S.list()
    .id('needs-attention')
    .title('Needs attention')
    .items(
      attentionLists.map((list) =>
        S.listItem()
          .id(list.id)
          .title(titleWithCount(list.title, counts[list.id]))
          .schemaType(list.schemaType)
          .child(
            S.documentList()
              .id(list.id)
              .title(titleWithCount(list.title, counts[list.id]))
              .schemaType(list.schemaType)
              .apiVersion(STRUCTURE_API_VERSION)
              .filter(list.filter)
              .params(params),
          ),
      ),
    )
}

export const structure: StructureResolver = (S, context) =>
  S.list()
    .id('spotter')
    .title('Content')
    .items([
      S.listItem()
        .id('needs-attention')
        .title('Needs attention')
        .child(() => attentionList(S, context.getClient({apiVersion: STRUCTURE_API_VERSION}))),
      S.divider(),
      S.listItem()
        .id('exercises')
        .title('Exercises')
        .schemaType(typeNames.exercise)
        .child(
          S.list()
            .id('exercises-by')
            .title('Exercises')
            .items([
              S.documentTypeListItem(typeNames.exercise).id('all-exercises').title('All exercises'),
              S.divider(),
              ...exerciseCategories.map((category) =>
                S.listItem()
                  .id(`exercises-${category.value}`)
                  .title(category.title)
                  .schemaType(typeNames.exercise)
                  .child(
                    S.documentList()
                      .id(`exercises-${category.value}`)
                      .title(`${category.title} exercises`)
                      .schemaType(typeNames.exercise)
                      .apiVersion(STRUCTURE_API_VERSION)
                      .filter('_type == "exercise" && (category == $category || $category in secondaryCategories)')
                      .params({category: category.value})
                      .initialValueTemplates([S.initialValueTemplateItem('exercise-in-category', {category: category.value})]),
                  ),
              ),
            ]),
        ),
      S.listItem()
        .id('articles')
        .title('Articles')
        .schemaType(typeNames.article)
        .child(
          S.list()
            .id('articles-by')
            .title('Articles')
            .items([
              S.documentTypeListItem(typeNames.article).id('all-articles').title('All articles'),
              S.listItem()
                .id('articles-unpublished-changes')
                .title('Drafts (unpublished changes)')
                .schemaType(typeNames.article)
                .child(
                  S.documentList()
                    .id('articles-unpublished-changes')
                    .title('Drafts (unpublished changes)')
                    .schemaType(typeNames.article)
                    .apiVersion(STRUCTURE_API_VERSION)
                    .filter(`_type == "article" && ${HAS_DRAFT}`),
                ),
              S.listItem()
                .id('articles-published')
                .title('Published (no pending changes)')
                .schemaType(typeNames.article)
                .child(
                  S.documentList()
                    .id('articles-published')
                    .title('Published (no pending changes)')
                    .schemaType(typeNames.article)
                    .apiVersion(STRUCTURE_API_VERSION)
                    .filter(`_type == "article" && !(${HAS_DRAFT})`),
                ),
              S.divider(),
              ...articleKinds.map((kind) =>
                S.listItem()
                  .id(`articles-${kind.value}`)
                  .title(kind.title)
                  .schemaType(typeNames.article)
                  .child(
                    S.documentList()
                      .id(`articles-${kind.value}`)
                      .title(kind.title)
                      .schemaType(typeNames.article)
                      .apiVersion(STRUCTURE_API_VERSION)
                      .filter('_type == "article" && kind == $kind')
                      .params({kind: kind.value})
                      .initialValueTemplates([S.initialValueTemplateItem('article-of-kind', {kind: kind.value})]),
                  ),
              ),
            ]),
        ),
      S.divider(),
      S.documentTypeListItem(typeNames.equipment).title('Equipment'),
      S.documentTypeListItem(typeNames.muscle).title('Muscles'),
      S.documentTypeListItem(typeNames.person).title('People'),
      S.documentTypeListItem(typeNames.disclaimer).title('Disclaimers'),
      S.divider(),
      S.documentTypeListItem(typeNames.club).title('Clubs'),
      S.documentTypeListItem(typeNames.organization).title('Organizations'),
    ])
