import {ActivityIcon} from '@sanity/icons/Activity'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {exerciseCategories, exerciseForces, exerciseLevels, exerciseMechanics} from '../options.ts'
import {GroupSummaryInput} from '../components/GroupSummaryInput.ts'
import {optionTitle} from '../studio/option-title.ts'
import {requireMedicalDisclaimer} from '../rules/medicalDisclaimer.ts'
import {noProgressionCycle} from '../rules/progression.ts'
import {slugField} from '../rules/slug.ts'
import {importInfoField} from '../objects/importInfo.ts'

const refs = (type: string) => [defineArrayMember({type: 'reference', to: [{type}]})]

export const exercise = defineType({
  name: 'exercise',
  title: 'Exercise',
  type: 'document',
  icon: ActivityIcon,
  description: 'One exercise in the library: how to do it, safely, and how to program it.',
  components: {input: GroupSummaryInput},
  groups: [
    {name: 'overview', title: 'Overview', default: true},
    {name: 'anatomy', title: 'Muscles'},
    {name: 'technique', title: 'Technique'},
    {name: 'safety', title: 'Safety'},
    {name: 'programming', title: 'Programming'},
    {name: 'media', title: 'Media'},
    {name: 'credits', title: 'Credits'},
  ],
  fields: [
    importInfoField,
    defineField({
      name: 'name',
      type: 'string',
      group: 'overview',
      description: 'The common name ("Reverse hyperextension").',
      validation: (rule) => rule.required().error('Give the exercise a name.'),
    }),
    slugField('name', 'overview'),
    defineField({
      name: 'aliases',
      type: 'array',
      group: 'overview',
      description: 'Other names readers search for ("Reverse hypers").',
      of: [defineArrayMember({type: 'string'})],
      validation: (rule) => rule.unique().error('Each alias only once.'),
    }),
    defineField({
      name: 'summary',
      type: 'text',
      rows: 3,
      group: 'overview',
      description: 'One or two sentences for cards and search results.',
    }),
    defineField({
      name: 'category',
      type: 'string',
      group: 'overview',
      description: 'The main purpose. "Rehabilitation" requires a medical disclaimer.',
      options: {list: [...exerciseCategories]},
      validation: (rule) => rule.required().error("Choose the exercise's main category."),
    }),
    defineField({
      name: 'secondaryCategories',
      title: 'Also used for',
      type: 'array',
      group: 'overview',
      description: 'Other purposes the sources give it. "Rehabilitation" here also requires a medical disclaimer.',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...exerciseCategories]},
      validation: (rule) => rule.unique().error('Each category only once.'),
    }),
    defineField({name: 'level', type: 'string', group: 'overview', options: {list: [...exerciseLevels]}}),
    defineField({name: 'mechanic', type: 'string', group: 'overview', options: {list: [...exerciseMechanics]}}),
    defineField({name: 'force', type: 'string', group: 'overview', options: {list: [...exerciseForces]}}),

    defineField({
      name: 'primaryMuscles',
      title: 'Primary muscles',
      type: 'array',
      group: 'anatomy',
      of: refs('muscle'),
      validation: (rule) => rule.unique().error('Each muscle only once.'),
    }),
    defineField({
      name: 'secondaryMuscles',
      title: 'Secondary muscles',
      type: 'array',
      group: 'anatomy',
      of: refs('muscle'),
      validation: (rule) => rule.unique().error('Each muscle only once.'),
    }),
    defineField({
      name: 'stabilizerMuscles',
      title: 'Stabilisers',
      type: 'array',
      group: 'anatomy',
      description: 'Muscles that hold position throughout (e.g. the core keeping the torso straight).',
      of: refs('muscle'),
      validation: (rule) => rule.unique().error('Each muscle only once.'),
    }),
    defineField({
      name: 'biomechanics',
      type: 'array',
      group: 'anatomy',
      description: 'How and why the exercise works, one point per item.',
      of: [defineArrayMember({type: 'biomechanicsNote'})],
    }),

    defineField({
      name: 'setups',
      type: 'array',
      group: 'technique',
      description: 'The alternative ways to do it, each with ALL the equipment it needs.',
      of: [defineArrayMember({type: 'exerciseSetup'})],
    }),
    defineField({name: 'steps', type: 'array', group: 'technique', description: 'In order.', of: [defineArrayMember({type: 'step'})]}),
    defineField({name: 'tempo', title: 'Tempo and pauses', type: 'tempo', group: 'technique'}),
    defineField({
      name: 'commonMistakes',
      title: 'Common mistakes',
      type: 'array',
      group: 'technique',
      of: [defineArrayMember({type: 'commonMistake'})],
    }),

    defineField({
      name: 'safetyNotes',
      title: 'Safety notes',
      type: 'array',
      group: 'safety',
      of: [defineArrayMember({type: 'safetyNote'})],
    }),
    defineField({
      name: 'contraindications',
      type: 'array',
      group: 'safety',
      description: 'Conditions that call for caution. Any entry requires a medical disclaimer.',
      of: [defineArrayMember({type: 'contraindication'})],
    }),
    defineField({
      name: 'disclaimers',
      type: 'array',
      group: 'safety',
      description: 'Shown wherever the exercise appears. Rehabilitation exercises and exercises with contraindications need a medical one.',
      of: refs('disclaimer'),
      validation: (rule) => rule.unique().error('Each disclaimer only once.').custom(requireMedicalDisclaimer),
    }),

    defineField({name: 'benefits', type: 'array', group: 'programming', of: [defineArrayMember({type: 'benefit'})]}),
    defineField({
      name: 'prescriptions',
      type: 'array',
      group: 'programming',
      description: 'Sets, reps and frequency per goal or training phase.',
      of: [defineArrayMember({type: 'prescription'})],
    }),
    defineField({
      name: 'variations',
      type: 'array',
      group: 'programming',
      description: 'Variants and what each changes.',
      of: [defineArrayMember({type: 'exerciseVariation'})],
    }),
    defineField({
      name: 'relatedExercises',
      title: 'Related exercises',
      type: 'array',
      group: 'programming',
      description: 'Typed links to other exercises. Progressions and regressions must not loop back here.',
      of: [defineArrayMember({type: 'exerciseRelation'})],
      validation: (rule) => rule.custom(noProgressionCycle),
    }),

    defineField({
      name: 'media',
      type: 'array',
      group: 'media',
      description: 'Photos of the exercise; the first is the cover.',
      of: [defineArrayMember({type: 'creditedImage'})],
    }),

    defineField({name: 'author', type: 'reference', group: 'credits', to: [{type: 'person'}]}),
    defineField({
      name: 'reviewer',
      type: 'reference',
      group: 'credits',
      description: 'A qualified person who checked the content.',
      to: [{type: 'person'}],
    }),
    defineField({name: 'reviewedAt', title: 'Last reviewed', type: 'date', group: 'credits'}),
  ],
  preview: {
    select: {title: 'name', category: 'category', media: 'media.0'},
    prepare: ({title, category, media}: Record<string, string | undefined>) => ({
      title,
      subtitle: optionTitle(exerciseCategories, category),
      media: media as never,
    }),
  },
})
