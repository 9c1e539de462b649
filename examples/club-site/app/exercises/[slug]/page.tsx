// One exercise: what it works, setups, steps, tempo, sets and reps, variations, mistakes with their
// corrections, safety, related exercises and the articles about it. Sections without content are left out.
import type {Metadata} from 'next'
import {getExercise, listArticles, type ExerciseGuideResult, type MuscleResult} from '@spotter/sdk'
import {exerciseJsonLd} from '@spotter/sdk/jsonld'
import {Disclaimer, JsonLd} from '@spotter/sdk/react'
import {ArticleList} from '../../../components/article-list.tsx'
import {PersonLine} from '../../../components/person-line.tsx'
import {Picture} from '../../../components/picture.tsx'
import {Prescriptions} from '../../../components/prescriptions.tsx'
import {Section} from '../../../components/section.tsx'
import {NotFoundPage} from '../../../components/not-found-view.tsx'
import {loadClub} from '../../../lib/club.ts'
import {editContext, editField} from '../../../lib/edit.ts'
import {absolute} from '../../../lib/config.ts'
import {images} from '../../../lib/images.ts'
import {equipmentHref, exerciseHref, label, longDate} from '../../../lib/links.ts'
import {load} from '../../../lib/load.ts'
import {notFoundMetadata, pageMetadata} from '../../../lib/meta.ts'

type Props = {params: Promise<{slug: string}>}

// Rendered on first request and cached until its content changes (no content API at build time).
export const generateStaticParams = async (): Promise<Array<{slug: string}>> => []

const path = (slug: string) => exerciseHref(slug)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {slug} = await params
  const exercise = await load(getExercise, slug)
  if (!exercise) return notFoundMetadata('Exercise')
  const description =
    exercise.summary ?? `${exercise.name}: ${label(exercise.category)} exercise${exercise.level ? `, ${exercise.level} level` : ''}.`
  const image = exercise.media?.[0]
  return pageMetadata({title: exercise.name, description, path: path(slug), type: 'article', image})
}

const muscles = (list: readonly MuscleResult[] | null) => (list ?? []).map((m) => m.commonName ?? m.name).join(', ')

export default async function ExercisePage({params}: Props) {
  const {slug} = await params
  const [exercise, articles, club, edit] = await Promise.all([
    load(getExercise, slug),
    load(listArticles, {exercise: slug, pageSize: 10}),
    loadClub(),
    editContext(),
  ])
  if (!exercise) return <NotFoundPage />
  // Equipment has a page when the club has it (app/equipment/[slug]); other equipment is named only.
  const atClub = new Set((club?.equipment ?? []).map((item) => item.equipment.slug))
  const e = exercise
  const field = (...path: Parameters<typeof editField>[3][]) => editField(edit, e, 'exercise', ...path)
  const hasGuide = !!(e.steps?.length || e.setups?.some((s) => s.instructions) || e.prescriptions?.length || e.summary)
  const tempo = tempoItems(e.tempo)
  return (
    <article className="exercise">
      <JsonLd data={exerciseJsonLd(e, {images, url: absolute(path(slug))})} />
      <h1 {...field('name')}>{e.name}</h1>
      <p className="meta">
        {[
          label(e.category),
          e.level ? label(e.level) : null,
          e.mechanic ? label(e.mechanic) : null,
          e.force ? `${label(e.force)} movement` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {e.aliases?.length ? <p className="meta">Also called {e.aliases.join(', ')}</p> : null}
      {e.summary ? (
        <p className="lead" {...field('summary')}>
          {e.summary}
        </p>
      ) : null}
      {e.media?.[0] ? <Picture image={e.media[0]} priority /> : null}
      {hasGuide ? null : (
        <p className="notice">
          We have no step-by-step guide for this exercise yet. {articles.items.length ? 'The articles below mention it.' : null}
        </p>
      )}
      <Section title="Muscles worked" when={e.primaryMuscles?.length || e.secondaryMuscles?.length || e.stabilizerMuscles?.length}>
        <dl className="facts">
          {e.primaryMuscles?.length ? (
            <>
              <dt>Mainly</dt>
              <dd>{muscles(e.primaryMuscles)}</dd>
            </>
          ) : null}
          {e.secondaryMuscles?.length ? (
            <>
              <dt>Also</dt>
              <dd>{muscles(e.secondaryMuscles)}</dd>
            </>
          ) : null}
          {e.stabilizerMuscles?.length ? (
            <>
              <dt>Stabilizers</dt>
              <dd>{muscles(e.stabilizerMuscles)}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section title="Benefits" when={e.benefits}>
        <ul>
          {(e.benefits ?? []).map((b) => (
            <li key={b._key} {...field('benefits', {_key: b._key})}>
              <strong>{b.benefit}</strong>
              {b.explanation ? `: ${b.explanation}` : null}
              {b.muscles?.length ? <span className="meta"> ({muscles(b.muscles)})</span> : null}
              {b.attributedTo ? <span className="meta"> According to {b.attributedTo.name ?? b.attributedTo.descriptor}.</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="How it works" when={e.biomechanics}>
        <ul>
          {(e.biomechanics ?? []).map((b) => (
            <li key={b._key} {...field('biomechanics', {_key: b._key})}>
              <strong>{b.title}</strong>: {b.explanation}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={e.setups?.length === 1 ? 'Setup' : 'Setups'} when={e.setups}>
        <ul className="setups">
          {(e.setups ?? []).map((s) => (
            <li key={s._key} {...field('setups', {_key: s._key})}>
              <strong>{s.name}</strong>
              {s.equipment?.length ? (
                <span>
                  {' '}
                  (
                  {s.equipment.map((q, i) => (
                    <span key={q.slug ?? q.name}>
                      {i ? ' + ' : ''}
                      {q.slug && atClub.has(q.slug) ? <a href={equipmentHref(q.slug)}>{q.name}</a> : q.name}
                    </span>
                  ))}
                  )
                </span>
              ) : null}
              {s.instructions ? <p>{s.instructions}</p> : null}
              {s.image ? <Picture image={s.image} sizes="(min-width: 40rem) 30rem, 100vw" /> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Steps" when={e.steps}>
        <ol className="steps">
          {(e.steps ?? []).map((step) => (
            <li key={step._key} {...field('steps', {_key: step._key})}>
              <p {...field('steps', {_key: step._key}, 'instruction')}>{step.instruction}</p>
              {step.cues?.length ? (
                <ul className="cues">
                  {step.cues.map((cue, i) => (
                    <li key={cue} {...field('steps', {_key: step._key}, 'cues', i)}>
                      {cue}
                    </li>
                  ))}
                </ul>
              ) : null}
              {step.image ? <Picture image={step.image} sizes="(min-width: 40rem) 30rem, 100vw" /> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Tempo" when={tempo}>
        <ul>
          {tempo.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </Section>
      <Section title="Sets and reps" when={e.prescriptions}>
        <Prescriptions prescriptions={e.prescriptions ?? []} exercise={e} edit={edit} />
      </Section>
      <Section title="Variations" when={e.variations}>
        <ul>
          {(e.variations ?? []).map((v) => (
            <li key={v._key} {...field('variations', {_key: v._key})}>
              <strong>{v.variantExercise?.slug ? <a href={exerciseHref(v.variantExercise.slug)}>{v.name}</a> : v.name}</strong> (
              {label(v.change)}): {v.description}
              {v.emphasis?.length ? ` More work for: ${muscles(v.emphasis)}.` : null}
              {v.cautions?.length ? <span className="caution"> Caution: {v.cautions.join(' ')}</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Common mistakes" when={e.commonMistakes}>
        <dl className="mistakes">
          {(e.commonMistakes ?? []).map((m) => (
            <div key={m._key} {...field('commonMistakes', {_key: m._key})}>
              <dt>{m.mistake}</dt>
              {m.correction ? <dd>Instead: {m.correction}</dd> : null}
            </div>
          ))}
        </dl>
      </Section>
      <Section title="Safety" when={e.safetyNotes?.length || e.contraindications?.length}>
        <ul>
          {(e.safetyNotes ?? []).map((s) => (
            <li key={s._key} {...field('safetyNotes', {_key: s._key})}>
              {s.note}
            </li>
          ))}
          {(e.contraindications ?? []).map((c) => (
            <li key={c._key} {...field('contraindications', {_key: c._key})}>
              <strong>{c.condition}</strong>
              {c.action ? `: ${label(c.action)}` : null}
              {c.guidance ? `. ${c.guidance}` : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Related exercises" when={e.relatedExercises}>
        <ul>
          {(e.relatedExercises ?? []).map((r) => (
            <li key={r._key} {...field('relatedExercises', {_key: r._key})}>
              {r.exercise.slug ? <a href={exerciseHref(r.exercise.slug)}>{r.exercise.name}</a> : r.exercise.name}{' '}
              <span className="meta">({label(r.relation)})</span>
              {r.note ? `: ${r.note}` : null}
            </li>
          ))}
        </ul>
      </Section>
      {(e.disclaimers ?? []).map((d) => (
        <Disclaimer key={d._id} disclaimer={d} className="disclaimer" edit={edit} />
      ))}
      {e.author || e.reviewer ? (
        <footer className="credits">
          {e.author ? <PersonLine by="Written by" person={e.author} /> : null}
          {e.reviewer ? <PersonLine by="Reviewed by" person={e.reviewer} /> : null}
          {e.reviewedAt ? (
            <p className="meta">
              Reviewed <time dateTime={e.reviewedAt}>{longDate(e.reviewedAt)}</time>
            </p>
          ) : null}
        </footer>
      ) : null}
      <Section title={`Articles about ${e.name.toLowerCase()}`} when={articles.items}>
        <ArticleList articles={articles.items} />
      </Section>
    </article>
  )
}

function tempoItems(tempo: ExerciseGuideResult['tempo']): string[] {
  if (!tempo) return []
  const parts: Array<[string, number | null | undefined]> = [
    ['Lowering', tempo.eccentricSeconds],
    ['Pause at the bottom', tempo.bottomPauseSeconds],
    ['Lifting', tempo.concentricSeconds],
    ['Pause at the top', tempo.topPauseSeconds],
  ]
  return [
    ...parts.filter(([, s]) => typeof s === 'number').map(([what, s]) => `${what}: ${s} ${s === 1 ? 'second' : 'seconds'}`),
    ...(tempo.cues ?? []),
  ]
}
