// The desk editors see: exercises by category, articles by kind and by status, then the
// supporting documents. Lists filter with GROQ; "new document" buttons in a category or kind
// list start the document in that category or kind (templates in ./templates.ts).
import type {StructureResolver} from 'sanity/structure'
import {articleKinds, exerciseCategories} from '../options.ts'
import {typeNames} from '../schema-types.ts'

/** Draft state as the Studio's lists see it (drafts perspective: `_originalId` is the stored id). */
export const HAS_DRAFT = '_originalId in path("drafts.**")'

export const structure: StructureResolver = (S) =>
  S.list()
    .id('spotter')
    .title('Content')
    .items([
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
