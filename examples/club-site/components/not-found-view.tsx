// What a reader sees at an address with nothing behind it.
import {notFound} from 'next/navigation'
import {Suspense} from 'react'

export function NotFoundView() {
  return (
    <>
      <h1>Page not found</h1>
      <p>We could not find that page.</p>
      <p>
        <a href="/exercises">Browse the exercise library</a> or <a href="/articles">read our articles</a>.
      </p>
    </>
  )
}

/**
 * A page whose slug names nothing: "Page not found" in the server's HTML, with status 404. Next.js
 * draws app/not-found.tsx for a page's own notFound() only in the browser; here notFound() is
 * called inside a boundary after the text, which sets the status and leaves the text in the HTML
 * for readers without JavaScript and for crawlers.
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundView />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  )
}

function NotFoundStatus(): never {
  notFound()
}
