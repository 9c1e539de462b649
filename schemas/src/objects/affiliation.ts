import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

export const affiliation = defineType({
  name: 'affiliation',
  title: 'Affiliation',
  type: 'object',
  icon: UsersIcon,
  description: 'Where the person works or what they run. Pick a club, or type an organisation name.',
  fields: [
    defineField({name: 'club', type: 'reference', to: [{type: 'club'}]}),
    defineField({name: 'organization', title: 'Organisation', type: 'string', description: 'When it is not a club in Spotter ("Poliquin Performance Center").'}),
    defineField({name: 'role', type: 'string', description: '"Owner", "Personal trainer".'}),
    defineField({name: 'description', type: 'string', description: 'What the organisation is ("for elite athletes").'}),
  ],
  validation: (rule) =>
    rule.custom((value: {club?: unknown; organization?: string} | undefined) =>
      !value || value.club || value.organization?.trim()
        ? true
        : {message: 'Choose a club or type the organisation\'s name.', path: ['organization']},
    ),
  preview: {
    select: {club: 'club.name', org: 'organization', role: 'role'},
    prepare: ({club, org, role}: Record<string, string | undefined>) => ({title: club ?? org, subtitle: role}),
  },
})
