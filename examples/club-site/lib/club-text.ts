import type {GetClubResult} from '@spotter/sdk'
import {count, label} from './links.ts'

type Club = NonNullable<GetClubResult>

export function clubPlace(club: Club): string {
  return club.location ? [club.location.locality, club.location.region].filter(Boolean).join(', ') : ''
}

/** The welcome line, from what the club has (not a sentence taken from an article). */
export function clubSummary(club: Club): string {
  const pieces = (club.equipment ?? []).length
  const place = clubPlace(club)
  return `${club.name}${place ? ` in ${place}` : ''}: ${count(club.exercises.length, 'exercise')} you can do with our ${count(pieces, 'piece')} of equipment, with guides from our exercise library.`
}

/** A piece of the club's equipment in one line: its kind, and how many the club has when more than one. */
export function equipmentLine(item: NonNullable<Club['equipment']>[number]): string {
  return [
    item.equipment.kind ? label(item.equipment.kind) : null,
    item.quantity && item.quantity > 1 ? `${item.quantity} at the club` : null,
  ]
    .filter(Boolean)
    .join(' · ')
}
