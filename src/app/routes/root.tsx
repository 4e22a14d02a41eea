import { Link, Outlet, ScrollRestoration } from 'react-router'
import { paths } from '../../lib/paths'
import { ThemeToggle } from '../../ui/theme-toggle'

export function RootLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to={paths.library.build()} className="site-name">
          Parallax
        </Link>
        <nav aria-label="Site">
          <Link to={paths.library.build()}>Library</Link>
        </nav>
        <ThemeToggle />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Parallax — read how different outlets covered the same event.</p>
      </footer>
      <ScrollRestoration />
    </>
  )
}
