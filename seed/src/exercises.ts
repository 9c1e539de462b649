// The two exercises the seed articles teach, and the exercises they point to.
import {image, range, ref, refs, type Doc} from './helpers.ts'

const slug = (current: string) => ({_type: 'slug', current})
const RH = 'exercise-reverse-hyperextension'
const A1 = 'article-leg-training-reverse-hyperextensions'
const A2 = 'article-back-hyperextensions'
const A3 = 'article-reverse-hyperextension-machine'

export const backHyperextensionPhoto = image('back-hyperextensions-deandrobot.jpg', {
  alt: 'A woman doing back hyperextensions',
  caption: 'A woman is doing back hyperextensions.',
  credit: 'DeanDrobot/iStock/Getty Images',
})

const reverseHyperextension: Doc = {
  _id: RH,
  _type: 'exercise',
  name: 'Reverse hyperextension',
  slug: slug('reverse-hyperextension'),
  aliases: ['Reverse hypers', 'Reverse hyper'],
  summary:
    'A lower back exercise that also works the glutes and hamstrings: a supplemental exercise for big lifts such as squats and deadlifts, with a decompressing, therapeutic effect on the lower back.',
  category: 'strength',
  secondaryCategories: ['rehabilitation'],
  primaryMuscles: refs('muscle-erector-spinae'),
  secondaryMuscles: refs('muscle-gluteus-maximus', 'muscle-hamstrings'),
  biomechanics: [
    {
      _type: 'biomechanicsNote',
      title: 'Diffusion: little blood flow in the lower back',
      aspect: 'anatomy',
      explanation:
        'The lower back region has very little blood flow and relies heavily on a process called diffusion to draw oxygen and proteins from extremely small muscles called paraspinals, as well as the erector muscles of the spine and the quadratus lumborum. The lower back is comprised mainly of ligaments and tendons, which cannot bleed. A torn muscle bleeds because it has adequate blood flow, so a full recovery is possible in a relatively short period of time; the same is not true for a lower back injury.',
      structures: ['Ligaments and tendons of the lower back'],
      muscles: refs('muscle-paraspinals', 'muscle-erector-spinae', 'muscle-quadratus-lumborum'),
    },
    {
      _type: 'biomechanicsNote',
      title: 'Lack of disassociation between the lumbar vertebrae',
      aspect: 'injury-mechanism',
      explanation:
        'Injuries in the lower back occur primarily because of a lack of disassociation (movement) between the lumbar vertebrae. Typically L1-L4 lock up and L5-S1 is the only mobile joint, so all low back strain is centralized on that one joint. This is why sciatic dysfunction is so prevalent: L5/S1 is the sciatic nerve root. Other vertebral joints can lack disassociation; L5/S1 is cited because it is so common.',
      structures: ['Lumbar vertebrae L1-L4', 'L5/S1 joint', 'Sciatic nerve root'],
    },
    {
      _type: 'biomechanicsNote',
      title: 'Decompression in the setup position',
      aspect: 'training-effect',
      explanation:
        'Lying prone (belly down) on the pad of the machine, with the legs hanging down and the feet coming forward underneath the torso, the spine is completely unloaded and decompressed. This position decompresses the lumbar spine, the L5/S1 joint and the sacroiliac (SI) joint.',
      structures: ['Lumbar spine', 'L5/S1 joint', 'Sacroiliac (SI) joint'],
    },
    {
      _type: 'biomechanicsNote',
      title: 'High repetitions flood the lower back with blood and nutrients',
      aspect: 'training-effect',
      explanation:
        'High repetitions, with a lot of weight or none at all, stimulate massive amounts of blood directly into the small muscles of the lower back. Reaching the finish position takes a forceful contraction of the hamstrings, glutes and lower back muscles. Full flexion and extension concentrated in a small area without any compressive or shearing forces lets the region flood with nutrients, proteins and blood, creating a positive healing environment; the tendons and ligaments receive nutrients via diffusion.',
      structures: ['Lumbar spine', 'Sacrum', 'Tendons and ligaments of the lower back'],
      muscles: refs('muscle-hamstrings', 'muscle-gluteus-maximus', 'muscle-erector-spinae'),
    },
    {
      _type: 'biomechanicsNote',
      title: 'Teaches the lumbar spine to disassociate',
      aspect: 'training-effect',
      explanation:
        'Over time the movement teaches the lumbar vertebrae to disassociate (move independently of one another), slowly restoring full movement and improving strength levels in the lower back. Like a train of 5 cars going over the crest of a steep hill: each car has to move independently of the one in front of it and behind it for the whole train to pass over the hill.',
      structures: ['Lumbar vertebrae'],
    },
    {
      _type: 'biomechanicsNote',
      title: 'Deloads the psoas',
      aspect: 'training-effect',
      explanation:
        'Tension in the psoas muscle is an often missed component of lower back pain. The open chain nature of the reverse hyper deloads the psoas, causing it to fully stretch and relax; over time it can possibly help reduce the associated back pain.',
      structures: ['Hips', 'Lower back'],
      muscles: refs('muscle-psoas'),
    },
  ],
  setups: [
    {
      _type: 'exerciseSetup',
      name: 'Reverse hyper machine',
      equipment: refs('equipment-reverse-hyper-machine'),
      instructions: 'Lie prone (belly down) on the pad of the machine, legs hanging down and feet coming forward underneath the torso.',
    },
    {
      _type: 'exerciseSetup',
      name: 'Bench',
      equipment: refs('equipment-flat-bench'),
      instructions: 'Lie face down on the bench and grip it tightly for stability.',
    },
    {
      _type: 'exerciseSetup',
      name: 'Exercise ball',
      equipment: refs('equipment-exercise-ball'),
      instructions: 'Lie face down on the ball. It is somewhat unstable: you must be able to maintain your stability on it.',
    },
    {_type: 'exerciseSetup', name: 'Exercise ball and bench', equipment: refs('equipment-flat-bench', 'equipment-exercise-ball')},
  ],
  steps: [
    {
      _type: 'step',
      phase: 'setup',
      instruction: 'Lie face down on the platform you are going to use for the exercise.',
      cues: ['If you are using a bench, grip the bench tightly for stability.'],
    },
    {
      _type: 'step',
      phase: 'start',
      instruction: 'Begin with your legs relatively straight and your toes resting lightly on the floor.',
      cues: ['Keep your feet close together.'],
    },
    {
      _type: 'step',
      phase: 'concentric',
      instruction:
        'Raise your legs with one steady, controlled motion. Continue until your feet are parallel with your hips or slightly higher.',
      cues: [
        'Lift the heels in an attempt to straighten out the body.',
        'Forcefully contract the hamstrings, glutes and lower back muscles to reach the finish position.',
      ],
    },
    {_type: 'step', phase: 'hold', instruction: 'Pause briefly in this position.'},
    {
      _type: 'step',
      phase: 'eccentric',
      instruction: 'Lower your feet to the floor with an equally steady and controlled motion.',
      cues: ["Your feet may touch the floor lightly, but don't relax your muscles and rest between repetitions."],
    },
  ],
  tempo: {
    _type: 'tempo',
    cues: [
      'Raise the legs in one steady, controlled motion.',
      'Pause briefly at the top.',
      'Lower with an equally steady and controlled motion.',
      'All repetitions should be relatively slow and controlled.',
    ],
  },
  commonMistakes: [
    {
      _type: 'commonMistake',
      mistake: 'Swinging the feet or using excessive momentum to complete the repetitions',
      correction: 'All repetitions should be relatively slow and controlled.',
    },
    {
      _type: 'commonMistake',
      mistake: 'Relaxing the muscles and resting between repetitions',
      correction: 'The feet may touch the floor lightly, but keep the muscles working.',
    },
  ],
  safetyNotes: [
    {_type: 'safetyNote', note: 'Make sure you are in adequate health to perform this exercise properly.'},
    {
      _type: 'safetyNote',
      note: 'An exercise ball will be somewhat unstable. You must be able to maintain your stability on the ball if you are going to incorporate it into your exercise.',
      equipment: refs('equipment-exercise-ball'),
    },
  ],
  contraindications: [
    {
      _type: 'contraindication',
      condition: 'Current lower back injury',
      action: 'consult-physician',
      guidance: 'Consult your physician before beginning any new fitness program or adding this exercise to your current training program.',
    },
    {
      _type: 'contraindication',
      condition: 'Suspected back injury',
      action: 'consult-physician',
      guidance:
        'A doctor should always be consulted first, and the recommendations of your doctor should always be adhered to, first and foremost.',
    },
  ],
  disclaimers: refs('disclaimer-consult-physician', 'disclaimer-information-only'),
  benefits: [
    {
      _type: 'benefit',
      benefit: 'Strengthens the lower back, glutes and hamstrings',
      explanation: 'Reverse hypers primarily target the lower back; they also work the gluteus maximus and hamstrings.',
      muscles: refs('muscle-erector-spinae', 'muscle-gluteus-maximus', 'muscle-hamstrings'),
    },
    {
      _type: 'benefit',
      benefit: 'Decompresses the lower back',
      explanation: 'Reverse hypers can have a decompressing effect on the lower back.',
    },
    {
      _type: 'benefit',
      benefit: 'Builds the squat and the deadlift',
      explanation:
        'A strong lower back is an essential element to big lifts such as squats and deadlifts. The lower back, glutes and hamstrings are directly responsible for producing movement in the squat and the deadlift, and focus work in these areas will increase those lifts.',
      relatedExercises: refs('exercise-squat', 'exercise-deadlift'),
    },
    {
      _type: 'benefit',
      benefit: 'Counters weakness from desk jobs and computer work',
      explanation: 'Weakness in the lower back, glutes and hamstrings is very common with the abundance of desk jobs and computer work.',
    },
    {
      _type: 'benefit',
      benefit: 'Therapeutic movement and potent posterior chain strength developer',
      explanation:
        'A host of mechanisms at work make it an amazingly therapeutic movement and a very potent strength developer of the posterior chain (the lower back, glutes and hamstrings).',
      muscles: refs('muscle-erector-spinae', 'muscle-gluteus-maximus', 'muscle-hamstrings'),
    },
    {
      _type: 'benefit',
      benefit: 'Helps rehabilitate the lower back',
      explanation:
        'Its inventor, Louis Simmons, shattered his L5 vertebra twice and successfully rehabbed it using this movement in conjunction with other soft tissue therapies. A lower back injury is not the end of the road.',
    },
  ],
  prescriptions: [
    {
      _type: 'prescription',
      goal: 'Supplementary work',
      trainingPhase: 'general',
      reps: range(8, 12),
      placement: 'supplementary',
      placementNote:
        'Use a repetition range similar to your other supplementary exercises, slightly higher than the reps used for your primary exercise.',
      source: ref(A1),
    },
    {
      _type: 'prescription',
      goal: 'Strength training cycle',
      trainingPhase: 'strength',
      reps: range(6, 8),
      placement: 'supplementary',
      source: ref(A1),
    },
    {
      _type: 'prescription',
      goal: 'Blood flow to the small muscles of the lower back',
      trainingPhase: 'rehabilitation',
      repsDescription: 'High repetitions',
      load: 'With a lot of weight, or none at all',
      equipment: refs('equipment-reverse-hyper-machine'),
      source: ref(A3),
    },
  ],
  variations: [
    {
      _type: 'exerciseVariation',
      name: 'Weighted reverse hyper (machine)',
      change: 'load',
      description: "On a reverse hyper bench, add weight plates to the bench's lifting arm.",
      equipment: refs('equipment-reverse-hyper-machine', 'equipment-weight-plates'),
      cautions: ['Make sure the weight used does not prevent you from performing the lift with proper technique.'],
    },
    {
      _type: 'exerciseVariation',
      name: 'Weighted reverse hyper (dumbbell)',
      change: 'load',
      description: 'Without a reverse hyper bench, place a dumbbell between your ankles as you perform the lift.',
      equipment: refs('equipment-dumbbell'),
      cautions: ['Make sure the weight used does not prevent you from performing the lift with proper technique.'],
    },
    {
      _type: 'exerciseVariation',
      name: 'Reverse hyper on an exercise ball',
      change: 'stability',
      description: 'Performed on an exercise ball, which is somewhat unstable.',
      equipment: refs('equipment-exercise-ball'),
      cautions: ['You must be able to maintain your stability on the ball.'],
    },
  ],
  relatedExercises: [
    {_type: 'exerciseRelation', relation: 'complements', exercise: ref('exercise-rack-pull'), note: 'Additional lower back exercises'},
    {_type: 'exerciseRelation', relation: 'complements', exercise: ref('exercise-good-morning'), note: 'Additional lower back exercises'},
    {_type: 'exerciseRelation', relation: 'complements', exercise: ref('exercise-squat'), note: 'Glute and hamstring exercises'},
    {
      _type: 'exerciseRelation',
      relation: 'complements',
      exercise: ref('exercise-stiff-leg-deadlift'),
      note: 'Glute and hamstring exercises',
    },
    {_type: 'exerciseRelation', relation: 'complements', exercise: ref('exercise-leg-press'), note: 'Glute and hamstring exercises'},
  ],
}

const backHyperextension: Doc = {
  _id: 'exercise-back-hyperextension',
  _type: 'exercise',
  name: 'Back hyperextension',
  slug: slug('back-hyperextension'),
  aliases: ['Hyperextensions', 'Back extensions', 'Lower back extensions'],
  summary:
    'An often overlooked exercise for increasing core strength and adding muscle mass that trains the lower back, particularly the erector spinae; also used in rehabilitation programs.',
  category: 'strength',
  secondaryCategories: ['hypertrophy', 'rehabilitation'],
  primaryMuscles: refs('muscle-erector-spinae'),
  secondaryMuscles: refs('muscle-gluteus-maximus'),
  stabilizerMuscles: refs('muscle-core'),
  biomechanics: [
    {
      _type: 'biomechanicsNote',
      title: 'Spinal extension',
      aspect: 'anatomy',
      explanation:
        'Hyperextensions train the lower back muscles, particularly the erector spinae, which is responsible for extending the spine.',
      muscles: refs('muscle-erector-spinae'),
    },
    {
      _type: 'biomechanicsNote',
      title: 'Hip extension at the top',
      aspect: 'anatomy',
      explanation: 'The top part of the movement includes a small amount of hip extension, which works the gluteal muscles.',
      muscles: refs('muscle-gluteus-maximus'),
    },
    {
      _type: 'biomechanicsNote',
      title: 'The core holds the torso straight',
      aspect: 'anatomy',
      explanation: 'The core and abdominals work throughout the exercise to keep the torso straight.',
      muscles: refs('muscle-core'),
    },
  ],
  setups: [
    {_type: 'exerciseSetup', name: 'Hyperextension bench', equipment: refs('equipment-hyperextension-bench')},
    {_type: 'exerciseSetup', name: 'On a mat on the floor', equipment: refs('equipment-floor-mat')},
    {
      _type: 'exerciseSetup',
      name: 'Selectorized machine',
      equipment: refs('equipment-selectorized-back-extension-machine'),
      instructions:
        'Adjust the height of the pad to train different muscles: lowering the pad places more focus on the hamstrings and glutes, raising it uses the mid-back more.',
    },
  ],
  disclaimers: refs('disclaimer-consult-physician'),
  benefits: [
    {
      _type: 'benefit',
      benefit: 'Increases core strength and adds muscle mass',
      muscles: refs('muscle-erector-spinae', 'muscle-core'),
    },
    {
      _type: 'benefit',
      benefit: 'Can aid in the management of back pain',
      explanation:
        'As the lower back and core muscles get stronger, they are able to offer more support to the spine, which improves posture and relieves pain.',
      muscles: refs('muscle-erector-spinae', 'muscle-core'),
    },
    {
      _type: 'benefit',
      benefit: 'Strength gains throughout the body',
      explanation:
        'The lower back is one of the most important muscle groups in the body, and strengthening it can lead to strength gains throughout the body; lower back exercises like hyperextensions help boost overall strength and size.',
      attributedTo: ref('person-charles-poliquin'),
    },
  ],
  prescriptions: [
    {
      _type: 'prescription',
      goal: 'Lower back and core priority',
      trainingPhase: 'introductory',
      audience:
        'If training your lower back and core muscles is a priority: because you are injured, they lack strength or you feel they are underdeveloped.',
      sets: range(2),
      reps: range(10),
      frequencyPerWeek: range(2),
      placement: 'start',
      duration: 'For the first few sessions',
      progression: 'Gradually increase the number of sets and reps.',
      progressionRule: {
        _type: 'progressionRule',
        whenSets: 4,
        whenReps: 15,
        then: 'Hold a light dumbbell to your chest to make the exercise harder.',
      },
      source: ref(A2),
    },
    {
      _type: 'prescription',
      goal: 'Selectorized machine',
      sets: range(3, 4),
      reps: range(8, 15),
      load: 'Start with light weight',
      progression: 'Gradually increase weight over time.',
      equipment: refs('equipment-selectorized-back-extension-machine'),
      source: ref(A2),
    },
  ],
  variations: [
    {
      _type: 'exerciseVariation',
      name: 'Weighted hyperextension',
      change: 'load',
      description: 'Hold a light dumbbell to your chest. Progress to it when you can do four sets of 15.',
      equipment: refs('equipment-dumbbell'),
    },
    {
      _type: 'exerciseVariation',
      name: 'Low pad (selectorized machine)',
      change: 'emphasis',
      description: 'Lower the pad on the machine to place more focus on the hamstrings and glutes.',
      equipment: refs('equipment-selectorized-back-extension-machine'),
      emphasis: refs('muscle-hamstrings', 'muscle-gluteus-maximus'),
    },
    {
      _type: 'exerciseVariation',
      name: 'High pad (selectorized machine)',
      change: 'emphasis',
      description: 'Raise the pad on the machine to use the mid-back more.',
      equipment: refs('equipment-selectorized-back-extension-machine'),
      emphasis: refs('muscle-mid-back'),
    },
  ],
  media: [backHyperextensionPhoto],
}

const stub = (id: string, name: string, aliases?: string[]): Doc => ({
  _id: `exercise-${id}`,
  _type: 'exercise',
  name,
  slug: slug(id),
  ...(aliases ? {aliases} : {}),
  category: 'strength',
})

export const exercises: Doc[] = [
  reverseHyperextension,
  backHyperextension,
  stub('rack-pull', 'Rack pull', ['Deadlift rack pulls']),
  stub('good-morning', 'Good morning'),
  stub('squat', 'Squat'),
  stub('stiff-leg-deadlift', 'Stiff-leg deadlift'),
  stub('leg-press', 'Leg press'),
  stub('deadlift', 'Deadlift'),
]

export {RH, A1, A2, A3}
