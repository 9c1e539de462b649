import {StarIcon} from '@sanity/icons/Star'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {credentialKinds} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'

/** A structured credential: what kind, what, who issued it, when, where to verify it. */
export const credential = defineType({
  name: 'credential',
  title: 'Credential',
  type: 'object',
  icon: StarIcon,
  description: 'A qualification, certification or accreditation. Only what the person or a source states.',
  fields: [
    defineField({
      name: 'kind',
      type: 'string',
      options: {list: [...credentialKinds]},
      validation: (rule) => rule.required().error('Choose the kind of credential.'),
    }),
    defineField({
      name: 'title',
      type: 'string',
      description: 'As stated ("Personal trainer", "A Levels").',
      validation: (rule) => rule.required().error("Enter the credential's title."),
    }),
    defineField({
      name: 'subjects',
      type: 'array',
      description: 'Subjects or specialisms, if listed ("Law", "Sports science").',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({name: 'issuingBody', title: 'Issuing body', type: 'string', description: 'Who awarded it ("Peter Symonds College").'}),
    defineField({
      name: 'year',
      type: 'number',
      description: 'Year awarded. Leave empty if unknown.',
      validation: (rule) => rule.integer().min(1900).max(2100).error('Enter a four-digit year.'),
    }),
    defineField({
      name: 'verificationUrl',
      title: 'Verification URL',
      type: 'url',
      description: 'A public register entry where readers can check it.',
      validation: (rule) => rule.uri({scheme: ['https', 'http']}).error('Enter a full web address (https://...).'),
    }),
  ],
  preview: {
    select: {title: 'title', issuer: 'issuingBody', kind: 'kind'},
    prepare: ({title, issuer, kind}: Record<string, string | undefined>) => ({
      title,
      subtitle: [optionTitle(credentialKinds, kind), issuer].filter(Boolean).join(' · '),
    }),
  },
})
