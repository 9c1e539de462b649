// The three seed articles: their prose as Portable Text, their facts as embeds and references.
import {backHyperextensionPhoto, A1, A2, A3, RH} from './exercises.ts'
import {block, h2, listItems, range, ref, refs, type Doc} from './helpers.ts'

const slug = (current: string) => ({_type: 'slug', current})
const exerciseEmbed = (id: string, display: 'card' | 'steps' | 'full') => ({_type: 'exerciseEmbed', exercise: ref(id), display})
const callout = (id: string, tone: 'info' | 'caution' | 'critical') => ({_type: 'disclaimerCallout', disclaimer: ref(id), tone})

const legTrainingReverseHypers: Doc = {
  _id: A1,
  _type: 'article',
  title: 'Leg Training – Reverse Hyperextensions',
  slug: slug('leg-training-reverse-hyperextensions'),
  kind: 'exercise-guide',
  topics: ['Leg training', 'Lower back training'],
  excerpt:
    'Reverse hyperextensions (reverse hypers) are a great lower back exercise and can be a highly effective supplemental exercise in your strength training program.',
  givesHealthAdvice: false,
  body: [
    block(
      'Reverse hyperextensions (reverse hypers) are a great lower back exercise. A strong lower back is an essential element to big lifts such as squats and deadlifts. Reverse hypers can be a highly effective supplemental exercise in your strength training program.',
    ),
    h2('Exercise Purpose'),
    block(
      'Reverse hypers primarily target your lower back; they also work your gluteus maximus (glutes) and hamstrings. In addition to strengthening your lower back, glutes and hamstrings, reverse hypers also can have a decompressing effect on your lower back.',
    ),
    h2('Exercise Technique'),
    block(
      'Exercise Equipment: Although benches have been developed specifically for the reverse hyper, they can be done on a bench, an exercise ball, or even a combination of a bench and an exercise ball.',
    ),
    h2('Exercise Performance'),
    ...listItems(
      'bullet',
      'Lie face down on the platform you’re going to use for the exercise. If you’re using a bench for the exercise, grip the bench tightly for stability.',
      'Begin with your legs relatively straight and your toes resting lightly on the floor. Keep your feet close together.',
      'Raise your legs with one steady, controlled motion. Continue until your feet are parallel with your hips or slightly higher.',
      'Pause briefly in this position before lowering your feet with an equally steady and controlled motion to the floor. Your feet may touch the floor lightly, but don’t relax your muscle and rest between repetitions.',
      'Use a repetition range for this exercise similar to what you use for your other supplementary exercises. I like to use a range slightly higher than the reps used for my primary exercise: 8 – 12 reps, or 6 – 8 when in my strength training cycle.',
    ),
    exerciseEmbed(RH, 'steps'),
    {
      _type: 'prescriptionTable',
      title: 'Repetition range',
      exercise: ref(RH),
      prescriptions: [
        {
          _type: 'prescription',
          goal: 'Supplementary work',
          trainingPhase: 'general',
          reps: range(8, 12),
          placement: 'supplementary',
          placementNote: 'Slightly higher than the reps used for your primary exercise.',
        },
        {_type: 'prescription', goal: 'Strength training cycle', trainingPhase: 'strength', reps: range(6, 8), placement: 'supplementary'},
      ],
    },
    h2('Common Exercise Mistakes'),
    ...listItems(
      'bullet',
      'Don’t swing your feet, or use excessive momentum to complete the repetitions. All repetitions should be relatively slow and controlled.',
    ),
    callout('disclaimer-consult-physician', 'caution'),
    ...listItems(
      'bullet',
      'If you’re using an exercise ball be aware that it will be somewhat unstable. You must be able to maintain your stability on the ball if you are going to incorporate it into your exercise.',
      'Weighted reverse hypers: Adding weight to this exercise is relatively easy if your gym has a reverse hyper bench, simply add weight plates to the bench’s lifting arm. If you don’t have a reverse hyper bench, place a dumbbell between your ankles as you perform the lift. Make sure the weight used does not prevent you from performing the lift with proper technique.',
    ),
    h2('Additional Lower Back Exercises'),
    ...listItems('bullet', 'Deadlift Rack Pulls', 'Good Mornings'),
    h2('Glute and Hamstring Exercises'),
    ...listItems('bullet', 'Squats', 'Stiff-Leg Deadlifts', 'Leg Press'),
  ],
  exercises: refs(RH, 'exercise-rack-pull', 'exercise-good-morning', 'exercise-squat', 'exercise-stiff-leg-deadlift', 'exercise-leg-press'),
  equipment: refs(
    'equipment-reverse-hyper-machine',
    'equipment-flat-bench',
    'equipment-exercise-ball',
    'equipment-weight-plates',
    'equipment-dumbbell',
  ),
  disclaimers: refs('disclaimer-consult-physician'),
}

const backHyperextensions: Doc = {
  _id: A2,
  _type: 'article',
  title: 'Back Hyperextensions',
  slug: slug('back-hyperextensions'),
  kind: 'exercise-guide',
  excerpt:
    'Hyperextensions are an often overlooked exercise when it comes to increasing your core strength and adding muscle mass, and they can also be used in rehabilitation programs.',
  // The editor's framing: the crop drops the window on the left, the hotspot holds the athlete.
  heroImage: {
    ...backHyperextensionPhoto,
    crop: {_type: 'sanity.imageCrop', top: 0.1, bottom: 0.05, left: 0.2, right: 0},
    hotspot: {_type: 'sanity.imageHotspot', x: 0.61, y: 0.6, width: 0.4, height: 0.25},
  },
  givesHealthAdvice: true,
  body: [
    block(
      'Hyperextensions are an often overlooked exercise when it comes to increasing your core strength and adding muscle mass, and they can also be used in rehabilitation programs. To get the most benefit from hyperextensions, you need to know how to perform them, their different variations and where to fit them in to your routine.',
    ),
    h2('Muscles Worked'),
    block(
      'Hyperextensions, or back extensions as they are also called, train your lower back muscles, particularly the erector spinae muscle, which is responsible for extending your spine. The top part of the movement includes a small amount of hip extension, which works your gluteal muscles. Your core and abdominals work throughout the exercise to keep your torso straight.',
    ),
    exerciseEmbed('exercise-back-hyperextension', 'card'),
    block(
      'Strengthening your lower back and core muscles can aid in the management of back pain -- as your muscles get stronger, they are able to offer more support to your spine, which improves your posture and relieves pain. Charles Poliquin, owner of the Poliquin Performance Center for elite athletes says that the lower back is one of the most important muscle groups in the body, and strengthening it can lead to strength gains throughout your body. He recommends lower back exercises like hyperextensions to help boost overall strength and size.',
    ),
    {
      _type: 'citation',
      kind: 'expert-opinion',
      claim:
        'The lower back is one of the most important muscle groups in the body, and strengthening it can lead to strength gains throughout your body. Lower back exercises like hyperextensions help boost overall strength and size.',
      attributedTo: ref('person-charles-poliquin'),
    },
    h2('When to Do Them'),
    block(
      'If training your lower back and core muscles is a priority for you -- either because you are injured, they lack strength or you just feel that they are underdeveloped -- perform hyperextensions twice a week at the start of your workout. Begin with two sets of 10 repetitions for the first few sessions, then gradually increase the number of sets and reps. When you can do four sets of 15, hold a light dumbbell to your chest to make the exercise harder.',
    ),
    {
      _type: 'prescriptionTable',
      title: 'When to do them',
      exercise: ref('exercise-back-hyperextension'),
      prescriptions: [
        {
          _type: 'prescription',
          goal: 'Lower back and core priority',
          trainingPhase: 'introductory',
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
        },
      ],
    },
    block(
      'Traditional hyperextensions are performed either using a hyperextension bench/apparatus (also known as one of a few types of Roman Chairs) or on a mat on the floor. Both exercises are beneficial. Lower back extensions may also be performed on a selectorized weight machine. You can adjust the height of the pad on the machine to train different muscles -- lowering the pad will place more focus on your hamstrings and glutes, and raising it will use your mid-back more. Start with light weight and moderate (8-15) repetitions. Perform multiple (3 or 4) sets. Gradually increase weight over time.',
    ),
    {
      _type: 'prescriptionTable',
      title: 'On a selectorized machine',
      exercise: ref('exercise-back-hyperextension'),
      prescriptions: [
        {
          _type: 'prescription',
          goal: 'Selectorized machine',
          sets: range(3, 4),
          reps: range(8, 15),
          load: 'Start with light weight',
          progression: 'Gradually increase weight over time.',
          equipment: refs('equipment-selectorized-back-extension-machine'),
        },
      ],
    },
  ],
  exercises: refs('exercise-back-hyperextension'),
  equipment: refs(
    'equipment-hyperextension-bench',
    'equipment-floor-mat',
    'equipment-selectorized-back-extension-machine',
    'equipment-dumbbell',
  ),
  author: ref('person-mike-samuels'),
  publisher: ref('organization-demand-media'),
}

const reverseHyperMachine: Doc = {
  _id: A3,
  _type: 'article',
  title: 'The Reverse Hyperextension Machine',
  slug: slug('the-reverse-hyperextension-machine'),
  kind: 'equipment-spotlight',
  excerpt:
    'The Reverse Hyperextension machine directly targets the small muscles, tendons and ligaments in the lower back, the glute complex and the hamstrings.',
  givesHealthAdvice: true,
  body: [
    block(
      'The Reverse Hyperextension machine is a unique piece of exercise equipment in that it directly targets the small muscles, tendons and ligaments in the lower back, and the glute complex as well as the hamstrings. Weakness in the above areas is very common with the abundance of desk jobs and computer work.',
    ),
    block(
      'Additionally, from a performance point of view, these muscle groups are directly responsible for producing movement in the Squat and the Deadlift. Focus work in these areas will undoubtedly increase said lifts.',
    ),
    callout('disclaimer-information-only', 'info'),
    block(
      'We’re always looking to improve the facility here at New Milford Fitness & Aquatics Club. We look at how beneficial new equipment purchases will be to our community when taking them under consideration. In the Reverse Hyperextension machine’s case, there are numerous training benefits of integrating the glute and hamstring exercises offered into any training regimen.',
    ),
    {
      _type: 'pullQuote',
      quote: 'As a Personal Trainer, the single biggest limitation my clientele has is lower back pain.',
      speaker: ref('person-new-milford-personal-trainer'),
    },
    block(
      'Most of us will experience lower back pain during our lives. A recent statistic says that 80% of people will deal with lower back pain at some point. It is also cited as one of the top reasons for missed work days and the number one source of job-related disability. Not only that, it can be a huge limiting factor in day to day life.',
    ),
    {
      _type: 'citation',
      kind: 'statistic',
      claim: '80% of people will deal with lower back pain at some point.',
      statisticValue: 80,
      statisticUnit: '%',
      sourceNote: 'Described in the article as "a recent statistic"; the source is not named.',
    },
    {
      _type: 'citation',
      kind: 'claim',
      claim: 'Lower back pain is cited as one of the top reasons for missed work days and the number one source of job-related disability.',
      sourceNote: 'The article does not name the source.',
    },
    block('Lower back pain is very common today with the abundance of desk jobs and computer work.'),
    block(
      'Enter the Reverse Hyperextension machine. Developed and popularized by world class Powerlifter and Strength and Conditioning coach, Louis Simmons. The machine was developed out of desperation for a way to rehabilitate a shattered L5/S1 joint that had occurred twice in Louis’ life. He came across this movement and soon discovered that there are a host of mechanisms at work that create an amazingly therapeutic movement and very potent strength developer of the posterior chain (the lower back, glutes and hamstrings).',
    ),
    ...listItems(
      'number',
      'The lower back region has VERY little blood flow and relies heavily on a process called diffusion to draw oxygen and proteins from extremely small muscles called paraspinals, as well as the erector muscles of the spine and a muscle called Quadratus Lumborum. This is very important to note, because most muscles, when torn, can bleed, and the lower back is comprised mainly of ligaments and tendons which can not bleed. A torn muscle will bleed because it has adequate blood flow, so a FULL recovery is possible in a relatively short period of time. The same is NOT true for a lower back injury.',
      'Injuries in the lower back occur primarily because of lack of disassociation (movement) between the lumbar vertebrae. Typically 1-4 will lock up, and L5-S1 will be the only mobile joint. This will cause all low back strain to be centralized on that one joint. This is why there is such a high prevalence of Sciatic dysfunction (L5/S1 is the Sciatic nerve root.) Other vertebral joints can lack disassociation, however, I cited L5/S1 only because of how common it is.',
    ),
    exerciseEmbed(RH, 'full'),
    ...listItems(
      'number',
      'The position that the body is in during setup and movement is critical. The spine is completely unloaded and decompressed as you lay prone (belly down) on the pad of the machine. The legs are hanging down and the feet are coming forward underneath the torso. This position decompresses the lumbar spine, L5/S1 joint as well as the Sacroiliac (SI) joint.',
      'High repetitions in this movement whether a lot of weight is used, or none at all, will stimulate massive amounts of blood directly into the small muscles of the lower back. To perform the exercise, one simply lifts the heels from the starting position in an attempt to straighten out the body. To reach the finish position of the movement, one has to forcefully contract the hamstrings, glutes and muscles in the lower back. All of this is meaningful because of what occurs in the lumbar spine and Sacrum. Full flexion and extension concentrated in a small area without any compressive or shearing forces allows the region to flood with nutrients, proteins and blood to create a positive healing environment. The tendons and ligaments receive nutrients via a process called diffusion.',
    ),
    {
      _type: 'prescriptionTable',
      title: 'High repetitions',
      exercise: ref(RH),
      prescriptions: [
        {
          _type: 'prescription',
          goal: 'Blood flow to the small muscles of the lower back',
          trainingPhase: 'rehabilitation',
          repsDescription: 'High repetitions',
          load: 'With a lot of weight, or none at all',
          equipment: refs('equipment-reverse-hyper-machine'),
        },
      ],
    },
    block(
      'It will also, over time, teach the lumbar spine how to disassociate (segment or move independently of one another) and slowly restore full movement and improve strength levels in the lower back. Think of a train that has 5 cars and is going over the crest of a steep hill. Each car has to move independently of the one in front of it and behind it in order for the whole train to pass over the hill.',
    ),
    block(
      'A final thought on the biomechanics of the reverse hyper is the benefit of reducing the pull of the Psoas muscle group on the lower back and hips. An often missed component of lower back pain is tension in the psoas muscle (a full description of how this impacts low back pain is outside of the scope of this article.) All that being said, the open chain nature of the reverse hyper deloads the Psoas, causes it to fully stretch and relax and over time, it can possibly help reduce the back pain associated.',
    ),
    block(
      'Also important to reemphasize and note that the inventor of this movement SHATTERED his L5 vertebra twice and successfully rehabbed it using this movement, in conjunction with other soft tissue therapies to fully rehabilitate his spine. He then went on to have a 30 year career as a top ten powerlifter reaching a 730 pound deadlift at 57 years old.',
    ),
    {
      _type: 'pullQuote',
      quote: 'A lower back injury is NOT the end of the road.',
      speaker: ref('person-new-milford-personal-trainer'),
    },
    block(
      'Bear in mind, Louis Simmons’ level of strength is not common, but, it is important to realize that a lower back injury is NOT the end of the road.',
    ),
  ],
  exercises: refs(RH),
  equipment: refs('equipment-reverse-hyper-machine'),
  author: ref('person-new-milford-personal-trainer'),
  publisher: ref('club-new-milford-fitness-aquatics'),
  disclaimers: refs('disclaimer-information-only'),
}

export const articles: Doc[] = [legTrainingReverseHypers, backHyperextensions, reverseHyperMachine]
