import { Link, NavLink, Outlet, ScrollRestoration, type Location } from 'react-router'
import { paths } from '../../lib/paths'
import { ThemeToggle } from '../../ui/theme-toggle'
import { Toaster } from '../../ui/toast'

/**
 * Scroll positions are remembered per history entry. Every page load starts on an entry keyed "default",
 * so without this a link opened in the same tab would be scrolled to wherever the last loaded page was,
 * instead of to the quote or paragraph it points at. A page load is keyed by its address instead.
 */
function scrollKey(location: Location): string {
  return location.key === 'default' ? `${location.pathname}${location.search}` : location.key
}

export function RootLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={paths.library.build()} className="site-name">
            <span className="site-mark" aria-hidden="true" />
            Parallax
          </Link>
          <nav aria-label="Site" className="site-nav">
            <NavLink to={paths.library.build()} end>
              Library
            </NavLink>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Parallax — read how different outlets covered the same event. Quotes are found and attributed
          automatically; check the original before you cite one.
        </p>
      </footer>
      <Toaster />
      <ScrollRestoration getKey={scrollKey} />
    </>
  )
}
