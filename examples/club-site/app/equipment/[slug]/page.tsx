// "What you can do on this machine": the exercises that need nothing but this piece of equipment.
import type {Metadata} from 'next'
import {exercisesForEquipment} from '@spotter/sdk'
import {ExerciseList} from '../../../components/exercise-list.tsx'
import {NotFoundPage} from '../../../components/not-found-view.tsx'
import {loadClub} from '../../../lib/club.ts'
import {count, equipmentHref} from '../../../lib/links.ts'
import {equipmentLine} from '../../../lib/club-text.ts'
import {load} from '../../../lib/load.ts'
import {notFoundMetadata, pageMetadata} from '../../../lib/meta.ts'

type Props = {params: Promise<{slug: string}>}

export const generateStaticParams = async (): Promise<Array<{slug: string}>> => []

async function piece(slug: string) {
  const club = await loadClub()
  return club?.equipment?.find((item) => item.equipment.slug === slug) ?? null
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {slug} = await params
  const item = await piece(slug)
  if (!item) return notFoundMetadata('Equipment')
  const title = `What you can do on the ${item.equipment.name.toLowerCase()}`
  return pageMetadata({
    title,
    description: `Exercises at our club that need nothing but the ${item.equipment.name.toLowerCase()}.`,
    path: equipmentHref(slug),
  })
}

export default async function EquipmentPage({params}: Props) {
  const {slug} = await params
  const item = await piece(slug)
  if (!item) return <NotFoundPage />
  const exercises = await load(exercisesForEquipment, [slug])
  return (
    <>
      <h1>What you can do on the {item.equipment.name.toLowerCase()}</h1>
      <p className="meta">{equipmentLine(item)}</p>
      {item.reason ? <p className="lead">{item.reason}</p> : null}
      <p>
        {exercises.length ? `${count(exercises.length, 'exercise')} need nothing else:` : 'No exercise in our library needs this alone.'}
      </p>
      {exercises.length ? <ExerciseList exercises={exercises} heading="h2" /> : null}
    </>
  )
}
