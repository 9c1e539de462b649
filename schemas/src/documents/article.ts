import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {articleKinds} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'
import {requireCredentialedAuthor} from '../rules/healthAdvice.ts'
import {slugField} from '../rules/slug.ts'
import {importInfoField} from '../objects/importInfo.ts'

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  icon: DocumentTextIcon,
  description: 'An article about exercises, equipment or a club, with structured embeds.',
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'relations', title: 'Exercises and people'},
    {name: 'publishing', title: 'Publishing'},
    {name: 'seo', title: 'SEO'},
    {name: 'syndication', title: 'Syndication'},
  ],
  fields: [
    importInfoField,
    defineField({
      name: 'title',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.required().error('Give the article a title.'),
    }),
    slugField('title', 'content'),
    defineField({
      name: 'kind',
      type: 'string',
      group: 'content',
      options: {list: [...articleKinds]},
      validation: (rule) => rule.required().error('Choose the kind of article.'),
    }),
    defineField({
      name: 'topics',
      type: 'array',
      group: 'content',
      description: 'Section labels ("Lower back training").',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'excerpt',
      type: 'text',
      rows: 3,
      group: 'content',
      description: 'Teaser for lists and feeds, one or two sentences.',
      validation: (rule) => rule.required().error('Write a short excerpt for lists and feeds.'),
    }),
    defineField({name: 'heroImage', title: 'Hero image', type: 'creditedImage', group: 'content'}),
    defineField({
      name: 'body',
      type: 'articleBody',
      group: 'content',
      validation: (rule) => rule.required().min(1).error('The article has no body yet.'),
    }),
    defineField({
      name: 'givesHealthAdvice',
      title: 'Gives health advice',
      type: 'boolean',
      group: 'content',
      description:
        'Turn on when the article advises on pain, injury, rehabilitation or medical conditions (not just technique). Its author then needs at least one credential.',
      initialValue: false,
    }),

    defineField({
      name: 'exercises',
      title: 'Exercises covered',
      type: 'array',
      group: 'relations',
      of: [defineArrayMember({type: 'reference', to: [{type: 'exercise'}]})],
      validation: (rule) => rule.unique().error('Each exercise only once.'),
    }),
    defineField({
      name: 'equipment',
      title: 'Equipment featured',
      type: 'array',
      group: 'relations',
      of: [defineArrayMember({type: 'reference', to: [{type: 'equipment'}]})],
      validation: (rule) => rule.unique().error('Each piece of equipment only once.'),
    }),
    defineField({
      name: 'author',
      type: 'reference',
      group: 'relations',
      description: 'Leave empty when the source names no author (unless the article gives health advice).',
      to: [{type: 'person'}],
      validation: (rule) => rule.custom(requireCredentialedAuthor),
    }),
    defineField({
      name: 'reviewer',
      type: 'reference',
      group: 'relations',
      description: 'A qualified person who checked the article.',
      to: [{type: 'person'}],
    }),
    defineField({name: 'publisher', type: 'reference', group: 'relations', to: [{type: 'club'}, {type: 'organization'}]}),
    defineField({
      name: 'disclaimers',
      type: 'array',
      group: 'relations',
      description: 'Shown with the article and carried to partners.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'disclaimer'}]})],
      validation: (rule) => rule.unique().error('Each disclaimer only once.'),
    }),

    defineField({name: 'publishedAt', title: 'Published', type: 'datetime', group: 'publishing'}),
    defineField({name: 'updatedAt', title: 'Updated', type: 'datetime', group: 'publishing'}),
    defineField({name: 'lastReviewedAt', title: 'Last reviewed', type: 'date', group: 'publishing'}),
    defineField({
      name: 'canonicalUrl',
      title: 'Canonical URL',
      type: 'url',
      group: 'publishing',
      description: 'The original address when this article first appeared elsewhere.',
      validation: (rule) => rule.uri({scheme: ['https', 'http']}).error('Enter a full web address (https://...).'),
    }),
    defineField({name: 'seo', title: 'SEO', type: 'seo', group: 'seo'}),
    defineField({name: 'syndication', title: 'Syndication rights', type: 'syndicationRights', group: 'syndication'}),
  ],
  preview: {
    select: {title: 'title', kind: 'kind', author: 'author.name', media: 'heroImage'},
    prepare: ({title, kind, author, media}: Record<string, string | undefined>) => ({
      title,
      subtitle: [optionTitle(articleKinds, kind), author].filter(Boolean).join(' · '),
      media: media as never,
    }),
  },
})
