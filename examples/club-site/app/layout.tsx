// The page frame: header, navigation, footer, the draft-mode banner, and <SanityLive /> (published
// pages are revalidated by tag when content changes; in draft mode it refreshes on every edit).
// In draft mode <VisualEditing /> draws the Presentation tool's click-to-edit overlays.
import type {Metadata} from 'next'
import {VisualEditing} from 'next-sanity/visual-editing'
import type {ReactNode} from 'react'
import {DraftBanner} from '../components/draft-banner.tsx'
import {config} from '../lib/config.ts'
import {loadClub} from '../lib/club.ts'
import {SanityLive} from '../lib/live.ts'
import {isDraftMode} from '../lib/load.ts'
import './styles.css'

export async function generateMetadata(): Promise<Metadata> {
  const club = await loadClub()
  const name = club?.name ?? 'Our club'
  return {
    metadataBase: new URL(config.siteUrl),
    title: {default: name, template: `%s · ${name}`},
    ...((await isDraftMode()) ? {robots: {index: false, follow: false}} : {}),
  }
}

export default async function RootLayout({children}: {children: ReactNode}) {
  const [club, draft] = await Promise.all([loadClub(), isDraftMode()])
  const name = club?.name ?? 'Our club'
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        {draft ? <DraftBanner /> : null}
        <header className="site-header">
          <a className="brand" href="/">
            {name}
          </a>
          <nav aria-label="Main">
            <a href="/exercises">Exercise library</a>
            <a href="/club">At our club</a>
            <a href="/equipment">Equipment</a>
            <a href="/articles">Articles</a>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            {name}. Exercise content is for information; check with a professional before starting a new programme.{' '}
            <a href="/feed.xml">Articles feed</a>
          </p>
        </footer>
        <SanityLive includeDrafts={draft} />
        {draft ? <VisualEditing /> : null}
      </body>
    </html>
  )
}
