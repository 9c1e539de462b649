// The page frame: header, navigation, footer, the draft-mode banner, and <SanityLive /> (published
// pages are revalidated by tag when content changes; in draft mode it refreshes on every edit).
// In draft mode <VisualEditing /> draws the Presentation tool's click-to-edit overlays.
import type {Metadata} from 'next'
import {VisualEditing} from 'next-sanity/visual-editing'
import type {ReactNode} from 'react'
import {DraftBanner} from '../components/draft-banner.tsx'
import {MainNav} from '../components/main-nav.tsx'
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
          <div className="site-header-inner">
            <a className="brand" href="/">
              <span className="brand-mark" aria-hidden="true" />
              <span className="brand-name">{name}</span>
            </a>
            <MainNav />
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <p>
              {name}. Exercise content is for information; check with a professional before starting a new programme.{' '}
              <a href="/feed.xml">Articles feed</a>
            </p>
          </div>
        </footer>
        <SanityLive includeDrafts={draft} />
        {draft ? <VisualEditing /> : null}
      </body>
    </html>
  )
}
