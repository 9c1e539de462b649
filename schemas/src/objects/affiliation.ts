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
    defineField({
      name: 'organization',
      title: 'Organisation',
      type: 'string',
      description: 'When it is not a club in Spotter ("Poliquin Performance Center").',
      validation: (rule) =>
        rule.custom((value: string | undefined, context) =>
          (context.parent as {club?: unknown} | undefined)?.club || value?.trim() ? true : "Choose a club or type the organisation's name.",
        ),
    }),
    defineField({name: 'role', type: 'string', description: '"Owner", "Personal trainer".'}),
    defineField({name: 'description', type: 'string', description: 'What the organisation is ("for elite athletes").'}),
  ],
  preview: {
    select: {club: 'club.name', org: 'organization', role: 'role'},
    prepare: ({club, org, role}: Record<string, string | undefined>) => ({title: club ?? org, subtitle: role}),
  },
})
