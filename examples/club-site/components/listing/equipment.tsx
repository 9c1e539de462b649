// The club's equipment, each piece with how many exercises it allows on its own.
import type {Metadata} from 'next'
import {pageMetadata} from '../../lib/meta.ts'
import {notFound} from 'next/navigation'
import {exercisesForEquipment} from '@spotter/sdk'
import {loadClub} from '../../lib/club.ts'
import {count, equipmentHref, exerciseHref} from '../../lib/links.ts'
import {equipmentLine} from '../../lib/club-text.ts'
import {load} from '../../lib/load.ts'

export const equipmentMetadata = (): Promise<Metadata> =>
  pageMetadata({title: 'Our equipment', description: 'The equipment at our club, and what you can do on each piece.', path: '/equipment'})

export async function EquipmentIndex() {
  const club = await loadClub()
  if (!club) return notFound()
  const pieces = (club.equipment ?? []).filter((item) => item.equipment.slug)
  const alone = await Promise.all(pieces.map((item) => load(exercisesForEquipment, [item.equipment.slug!])))
  return (
    <>
      <h1>Our equipment</h1>
      {pieces.length ? (
        <ul className="equipment-list">
          {pieces.map((item, i) => (
            <li key={item._key}>
              <h2>
                <a href={equipmentHref(item.equipment.slug!)}>{item.equipment.name}</a>
              </h2>
              <p className="meta">{equipmentLine(item)}</p>
              <p>
                {alone[i]!.length
                  ? `${count(alone[i]!.length, 'exercise')} you can do on it alone.`
                  : 'Used together with other equipment.'}
              </p>
              {alone[i]!.length ? (
                <ul>
                  {alone[i]!.map((exercise) => (
                    <li key={exercise._id}>{exercise.slug ? <a href={exerciseHref(exercise.slug)}>{exercise.name}</a> : exercise.name}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>The club has not listed its equipment yet.</p>
      )}
    </>
  )
}
