import { Link } from 'react-router'
import { paths } from '../../lib/paths'
import { DocumentTitle } from '../../ui/document-title'

export function NotFound() {
  return (
    <section className="page message-page not-found" aria-labelledby="not-found-title">
      <DocumentTitle title="Page not found" />
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is nothing at this address. The link may be mistyped or cut short, or the article may have been
        removed.
      </p>
      <p>
        <Link className="button" to={paths.library.build()}>
          Go to the library
        </Link>
      </p>
    </section>
  )
}
