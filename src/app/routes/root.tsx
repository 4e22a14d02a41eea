import { use } from 'react'
import { Link, NavLink, Outlet } from 'react-router'
import { paths } from '../../lib/paths'
import { ThemeToggle } from '../../ui/theme-toggle'
import { Toaster } from '../../ui/toast'
import { FirstPageContext } from '../first-page'
import { ScrollRestoration } from '../scroll-restoration'

/** The first page's scroll position is restored once it is in (see AppRoutes). */
function ScrollRestorationOnceStarted() {
  return use(FirstPageContext).holding ? null : <ScrollRestoration />
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
            <NavLink to={paths.add.build()}>
              {/* Short on screen, so the header keeps one line on a phone; whole for assistive tech. */}
              Add<span className="visually-hidden"> an article</span>
            </NavLink>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer id="site-footer" className="site-footer">
        <p>
          Parallax — read how different outlets covered the same event. Quotes are found and attributed
          automatically; check the original before you cite one.
        </p>
      </footer>
      <Toaster />
      <ScrollRestorationOnceStarted />
    </>
  )
}
