// Shown on every page in draft mode. A plain link to the disable route, so it works without JavaScript.
export function DraftBanner() {
  return (
    <p className="draft-banner" role="status">
      Draft mode: you are seeing unpublished drafts. <a href="/api/draft-mode/disable">Leave draft mode</a>
    </p>
  )
}
