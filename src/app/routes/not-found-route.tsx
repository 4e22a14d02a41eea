import { Link } from 'react-router'
import { paths } from '../../lib/paths'

export function NotFound() {
  return (
    <section className="page not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. The link may be mistyped, or the article may have been removed.</p>
      <p>
        <Link to={paths.library.build()}>Go to the library</Link>
      </p>
    </section>
  )
}

export const Component = NotFound
