import type {MetadataRoute} from 'next'
import {listArticles, listExercises} from '@spotter/sdk'
import {loadClub} from '../lib/club.ts'
import {absolute} from '../lib/config.ts'
import {articleHref, equipmentHref, exerciseHref, personHref} from '../lib/links.ts'
import {load} from '../lib/load.ts'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [exercises, articles, club] = await Promise.all([
    load(listExercises, {pageSize: 100}),
    load(listArticles, {pageSize: 100}),
    loadClub(),
  ])
  const people = new Set(articles.items.flatMap((a) => (a.author?.slug ? [a.author.slug] : [])))
  return [
    ...['/', '/exercises', '/club', '/equipment', '/articles'].map((path) => ({url: absolute(path)})),
    ...articles.items.flatMap((a) =>
      a.slug ? [{url: absolute(articleHref(a.slug)), ...(a.publishedAt ? {lastModified: a.publishedAt} : {})}] : [],
    ),
    ...exercises.items.flatMap((e) => (e.slug ? [{url: absolute(exerciseHref(e.slug))}] : [])),
    ...(club?.equipment ?? []).flatMap((item) => (item.equipment.slug ? [{url: absolute(equipmentHref(item.equipment.slug))}] : [])),
    ...[...people].map((slug) => ({url: absolute(personHref(slug))})),
  ]
}
