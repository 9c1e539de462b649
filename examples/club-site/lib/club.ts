import {getClub} from '@spotter/sdk'
import {config} from './config.ts'
import {load} from './load.ts'

/** The club this site is for (SPOTTER_CLUB), or null when the dataset has no such club. */
export const loadClub = () => load(getClub, config.clubSlug)

export const clubName = async () => (await loadClub())?.name ?? 'Our club'
