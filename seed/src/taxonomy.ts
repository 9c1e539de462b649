// Muscles, equipment, disclaimers, the publisher and the club named in the three seed articles.
import {block, ref, refs, type Doc} from './helpers.ts'

const slug = (current: string) => ({_type: 'slug', current})

export const muscles: Doc[] = [
  {
    _id: 'muscle-erector-spinae',
    _type: 'muscle',
    name: 'Erector spinae',
    commonName: 'Lower back',
    slug: slug('erector-spinae'),
    region: 'lower-back',
    group: 'erector-spinae',
    function: 'Extends the spine.',
  },
  {_id: 'muscle-paraspinals', _type: 'muscle', name: 'Paraspinals', slug: slug('paraspinals'), region: 'lower-back', group: 'paraspinals'},
  {
    _id: 'muscle-quadratus-lumborum',
    _type: 'muscle',
    name: 'Quadratus lumborum',
    slug: slug('quadratus-lumborum'),
    region: 'lower-back',
    group: 'quadratus-lumborum',
  },
  {
    _id: 'muscle-gluteus-maximus',
    _type: 'muscle',
    name: 'Gluteus maximus',
    commonName: 'Glutes',
    slug: slug('gluteus-maximus'),
    region: 'hips',
    group: 'gluteals',
    function: 'Hip extension.',
  },
  {_id: 'muscle-hamstrings', _type: 'muscle', name: 'Hamstrings', slug: slug('hamstrings'), region: 'thighs', group: 'hamstrings'},
  {_id: 'muscle-psoas', _type: 'muscle', name: 'Psoas', slug: slug('psoas'), region: 'hips', group: 'hip-flexors'},
  {
    _id: 'muscle-core',
    _type: 'muscle',
    name: 'Core and abdominals',
    commonName: 'Core',
    slug: slug('core-and-abdominals'),
    region: 'core',
    group: 'core',
  },
  {
    _id: 'muscle-mid-back',
    _type: 'muscle',
    name: 'Mid-back muscles',
    commonName: 'Mid-back',
    slug: slug('mid-back'),
    region: 'upper-back',
    group: 'mid-back',
  },
]

export const equipment: Doc[] = [
  {
    _id: 'equipment-reverse-hyper-machine',
    _type: 'equipment',
    name: 'Reverse hyperextension machine',
    slug: slug('reverse-hyperextension-machine'),
    aliases: ['Reverse hyper bench', 'Reverse hyper machine'],
    kind: 'machine',
    description:
      'A bench developed specifically for the reverse hyper. It directly targets the small muscles, tendons and ligaments in the lower back, the glute complex and the hamstrings.',
    features: ['Pad to lie prone (belly down) on', 'Lifting arm that takes weight plates'],
    developedBy: ref('person-louis-simmons'),
  },
  {_id: 'equipment-flat-bench', _type: 'equipment', name: 'Flat bench', slug: slug('flat-bench'), aliases: ['Bench'], kind: 'bench'},
  {_id: 'equipment-exercise-ball', _type: 'equipment', name: 'Exercise ball', slug: slug('exercise-ball'), kind: 'ball'},
  {
    _id: 'equipment-hyperextension-bench',
    _type: 'equipment',
    name: 'Hyperextension bench',
    slug: slug('hyperextension-bench'),
    aliases: ['Hyperextension apparatus', 'Roman chair'],
    kind: 'bench',
    description: 'Also known as one of a few types of Roman chairs.',
  },
  {_id: 'equipment-floor-mat', _type: 'equipment', name: 'Floor mat', slug: slug('floor-mat'), aliases: ['Mat'], kind: 'mat'},
  {
    _id: 'equipment-selectorized-back-extension-machine',
    _type: 'equipment',
    name: 'Selectorized back extension machine',
    slug: slug('selectorized-back-extension-machine'),
    aliases: ['Selectorized weight machine'],
    kind: 'machine',
    description: 'A selectorized weight machine for lower back extensions.',
    features: ['Adjustable pad height'],
  },
  {_id: 'equipment-weight-plates', _type: 'equipment', name: 'Weight plates', slug: slug('weight-plates'), kind: 'free-weight'},
  {_id: 'equipment-dumbbell', _type: 'equipment', name: 'Dumbbell', slug: slug('dumbbell'), kind: 'free-weight'},
]

export const disclaimers: Doc[] = [
  {
    _id: 'disclaimer-consult-physician',
    _type: 'disclaimer',
    title: 'Consult your physician (lower back injuries)',
    kind: 'medical',
    body: [
      block(
        'Make sure you are in adequate health to perform this exercise properly. Particularly if you currently have lower back injuries you should consult your physician before beginning any new fitness program or adding this exercise to your current training program.',
      ),
    ],
  },
  {
    _id: 'disclaimer-information-only',
    _type: 'disclaimer',
    title: 'Disclosure: information only',
    kind: 'information-only',
    body: [
      block(
        'Please bear in mind that a doctor should always be consulted first if a back injury is suspected and the recommendations of your doctor should always be adhered to, first and foremost. Any information in this article should be taken as INFORMATION ONLY.',
      ),
    ],
  },
]

export const organizations: Doc[] = [
  {_id: 'organization-demand-media', _type: 'organization', name: 'Demand Media', slug: slug('demand-media'), kind: 'publisher'},
]

export const clubs: Doc[] = [
  {
    _id: 'club-new-milford-fitness-aquatics',
    _type: 'club',
    name: 'New Milford Fitness & Aquatics Club',
    slug: slug('new-milford-fitness-aquatics-club'),
    description:
      'Always looking to improve the facility; the club weighs how beneficial new equipment purchases will be to its community when taking them under consideration.',
    equipmentInventory: [
      {
        _type: 'inventoryItem',
        equipment: ref('equipment-reverse-hyper-machine'),
        acquisition: 'purchased',
        reason:
          "Numerous training benefits of integrating the glute and hamstring exercises it offers into any training regimen; the single biggest limitation of the club trainer's clientele is lower back pain.",
      },
    ],
  },
]

export {refs}
