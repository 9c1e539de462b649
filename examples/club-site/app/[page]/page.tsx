// The pages without a slug of their own: home (at `/`, rewritten here in next.config.ts), articles,
// equipment and the club. They sit under one parameter so that Next.js renders each on its first
// request and then serves it from its cache until a publish expires it, as it does the pages with
// a slug. A page without a parameter would be prerendered at build time, which has no content API
// to read (one build serves any lake or project), or else rendered on every request.
import type {Metadata} from 'next'
import type {ReactNode} from 'react'
import {NotFoundPage} from '../../components/not-found-view.tsx'
import {Articles, articlesMetadata} from '../../components/listing/articles.tsx'
import {ClubPage, clubMetadata} from '../../components/listing/club.tsx'
import {EquipmentIndex, equipmentMetadata} from '../../components/listing/equipment.tsx'
import {Home, homeMetadata} from '../../components/listing/home.tsx'
import {notFoundMetadata} from '../../lib/meta.ts'

type Props = {params: Promise<{page: string}>}

const pages: Record<string, {render: () => Promise<ReactNode>; metadata: () => Promise<Metadata>}> = {
  home: {render: Home, metadata: homeMetadata},
  articles: {render: Articles, metadata: articlesMetadata},
  equipment: {render: EquipmentIndex, metadata: equipmentMetadata},
  club: {render: ClubPage, metadata: clubMetadata},
}

// Rendered on first request and cached until its content changes (no content API at build time).
export const generateStaticParams = async (): Promise<Array<{page: string}>> => []

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {page} = await params
  return Object.hasOwn(pages, page) ? pages[page]!.metadata() : notFoundMetadata('Page')
}

export default async function ListingPage({params}: Props) {
  const {page} = await params
  return Object.hasOwn(pages, page) ? pages[page]!.render() : <NotFoundPage />
}
