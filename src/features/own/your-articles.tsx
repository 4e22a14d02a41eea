import { lazy, Suspense, useSyncExternalStore } from 'react'
import { Link } from 'react-router'
import { paths } from '../../lib/paths'
import './own.css'

// The list reads IndexedDB and carries export and import: loaded after the page is up, so the library's
// first visit pays only for this heading (and the prerendered page and its hydration agree).
const OwnList = lazy(() => import('./own-list').then((m) => ({ default: m.OwnList })))

const noSubscription = () => () => {}

/**
 * The list's empty state (its import button), invisible, where the list will be: the prerendered page and
 * the page while the list's code and IndexedDB load take the height the list will take for a reader with no
 * articles of their own, so nothing below moves when it arrives (a layout shift, and a click that lands on
 * the wrong card).
 */
function ListPlaceholder() {
  return (
    <div className="own-actions own-placeholder" aria-hidden="true">
      <span className="own-import">
        <span className="button button-secondary">Import a file</span>
      </span>
    </div>
  )
}

/** The library's "Your articles": articles the reader added, kept in this browser. */
export function YourArticles() {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  return (
    <section className="own-section" aria-labelledby="own-title">
      <h2 id="own-title">Your articles</h2>
      <p className="own-lede">
        Articles you add are read and kept in this browser only.{' '}
        <Link to={paths.add.build()}>Add an article</Link>
      </p>
      {hydrated ? (
        <Suspense fallback={<ListPlaceholder />}>
          <OwnList />
        </Suspense>
      ) : (
        <ListPlaceholder />
      )}
    </section>
  )
}
