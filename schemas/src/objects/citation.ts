import {BarChartIcon} from '@sanity/icons/BarChart'
import {defineField, defineType} from 'sanity'
import {citationKinds} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'

/** A claim with where it comes from: a statistic, an expert's opinion, a study. Also a body block. */
export const citation = defineType({
  name: 'citation',
  title: 'Citation or statistic',
  type: 'object',
  icon: BarChartIcon,
  description: 'A claim and its source. Record only what the source says; leave unknown fields empty.',
  fieldsets: [{name: 'statistic', title: 'Statistic', options: {columns: 2}}],
  fields: [
    defineField({
      name: 'kind',
      type: 'string',
      options: {list: [...citationKinds]},
      validation: (rule) => rule.required().error('Choose what kind of citation this is.'),
    }),
    defineField({
      name: 'claim',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().error('Write the claim being cited.'),
    }),
    defineField({
      name: 'statisticValue',
      title: 'Value',
      type: 'number',
      fieldset: 'statistic',
      validation: (rule) =>
        rule.custom((value: number | undefined, context) =>
          (context.parent as {kind?: string} | undefined)?.kind === 'statistic' && typeof value !== 'number'
            ? 'A statistic needs its number: enter the value.'
            : true,
        ),
    }),
    defineField({name: 'statisticUnit', title: 'Unit', type: 'string', fieldset: 'statistic', description: '"%", "people".'}),
    defineField({
      name: 'attributedTo',
      title: 'Attributed to',
      type: 'reference',
      description: 'The expert who made the claim, if any.',
      to: [{type: 'person'}],
    }),
    defineField({name: 'sourceTitle', title: 'Source title', type: 'string'}),
    defineField({
      name: 'sourceUrl',
      title: 'Source URL',
      type: 'url',
      validation: (rule) => rule.uri({scheme: ['https', 'http']}).error('Enter a full web address (https://...).'),
    }),
    defineField({
      name: 'sourceNote',
      title: 'Note on the source',
      type: 'string',
      description:
        'For editors and fact-checkers: where the claim comes from when the article does not say ("Described as a recent statistic; source not named"). Never shown to readers.',
    }),
  ],
  preview: {
    select: {title: 'claim', kind: 'kind', who: 'attributedTo.name'},
    prepare: ({title, kind, who}: Record<string, string | undefined>) => ({
      title,
      subtitle: [optionTitle(citationKinds, kind), who].filter(Boolean).join(' · '),
    }),
  },
})
