export default function NotFound() {
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
