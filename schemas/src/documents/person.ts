import {UserIcon} from '@sanity/icons/User'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {personRoles} from '../options.ts'
import {slugField} from '../rules/slug.ts'
import {importInfoField} from '../objects/importInfo.ts'

interface PersonLike {
  unnamed?: boolean
  descriptor?: string
}

export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  icon: UserIcon,
  description: 'An author, reviewer or quoted expert. Credentials are structured so readers can trust them.',
  groups: [
    {name: 'profile', title: 'Profile', default: true},
    {name: 'credentials', title: 'Credentials'},
    {name: 'career', title: 'Career'},
  ],
  fields: [
    importInfoField,
    defineField({
      name: 'name',
      type: 'string',
      group: 'profile',
      description: 'Full name as published.',
      hidden: ({document}) => (document as PersonLike | undefined)?.unnamed === true,
      validation: (rule) =>
        rule.custom((value: string | undefined, context) =>
          (context.document as PersonLike | undefined)?.unnamed === true || value?.trim()
            ? true
            : 'Enter the person\'s name, or turn on "Not named in the source".',
        ),
    }),
    defineField({
      name: 'unnamed',
      title: 'Not named in the source',
      type: 'boolean',
      group: 'profile',
      description: 'For a writer the source does not name (e.g. "a personal trainer at the club"). Never invent a name.',
      initialValue: false,
    }),
    defineField({
      name: 'descriptor',
      type: 'string',
      group: 'profile',
      description: 'How to refer to an unnamed person ("Personal trainer, New Milford Fitness & Aquatics Club").',
      validation: (rule) =>
        rule.custom((value: string | undefined, context) =>
          (context.document as PersonLike | undefined)?.unnamed === true && !value?.trim()
            ? 'Describe the unnamed person so readers know who wrote or said this.'
            : true,
        ),
    }),
    slugField((doc) => String(doc.name ?? doc.descriptor ?? ''), 'profile'),
    defineField({
      name: 'roles',
      type: 'array',
      group: 'profile',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...personRoles]},
      validation: (rule) => rule.required().min(1).unique().error('Choose at least one role (author, reviewer, expert...).'),
    }),
    defineField({
      name: 'headline',
      type: 'string',
      group: 'profile',
      description: 'One line under the name ("Powerlifter and strength coach").',
    }),
    defineField({name: 'bio', type: 'text', rows: 4, group: 'profile'}),
    defineField({name: 'photo', type: 'creditedImage', group: 'profile'}),
    defineField({
      name: 'website',
      type: 'url',
      group: 'profile',
      validation: (rule) => rule.uri({scheme: ['https', 'http']}).error('Enter a full web address (https://...).'),
    }),
    defineField({
      name: 'credentials',
      type: 'array',
      group: 'credentials',
      description: 'Qualifications, certifications, accreditations. An author of health advice needs at least one.',
      of: [defineArrayMember({type: 'credential'})],
    }),
    defineField({name: 'affiliations', type: 'array', group: 'career', of: [defineArrayMember({type: 'affiliation'})]}),
    defineField({
      name: 'milestones',
      title: 'Career facts',
      type: 'array',
      group: 'career',
      description: 'Dated or measured facts ("Started writing in 2008", "730 lb deadlift at 57").',
      of: [defineArrayMember({type: 'milestone'})],
    }),
  ],
  preview: {
    select: {name: 'name', descriptor: 'descriptor', headline: 'headline', media: 'photo'},
    prepare: ({name, descriptor, headline, media}: Record<string, string | undefined>) => ({
      title: name ?? descriptor ?? 'Unnamed person',
      subtitle: headline,
      media: media as never,
    }),
  },
})
