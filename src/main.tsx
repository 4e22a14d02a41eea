import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, startTransition, useEffect } from 'react'
import { createRoot, hydrateRoot, type RootOptions } from 'react-dom/client'
import { AppBrowserRouter } from './app/browser-router'
import { AppRoutes, preloadPage, routePath } from './app/router'
import { DataError } from './lib/data/fetch-json'
import { basePath } from './lib/paths'
import { createQueryClient } from './lib/query-client'

// ---------------------------------------------------------------------------------------------------
// The app proper, loaded by src/boot.ts once the prerendered page has painted.
// ---------------------------------------------------------------------------------------------------

function samePath(a: string, b: string): boolean {
  const normalise = (p: string) => {
    try {
      return decodeURI(p).replace(/\/+$/, '') || '/'
    } catch {
      return null
    }
  }
  const left = normalise(a)
  return left !== null && left === normalise(b)
}

/**
 * Marks #root once the first render has committed (`data-mounted="hydrated"` or `"rendered"`): the
 * page is interactive from then on, and end-to-end tests wait for it. Renders nothing, so it cannot
 * upset hydration.
 */
function MountSignal({ container, mode }: { container: HTMLElement; mode: 'hydrated' | 'rendered' }) {
  useEffect(() => {
    container.setAttribute('data-mounted', mode)
  }, [container, mode])
  return null
}

// ---------------------------------------------------------------------------------------------------
// Start-up, called by src/boot.ts in a task of its own after this module (and React, the router and
// TanStack Query with it) has been evaluated: two shorter tasks instead of one long one.
// Prerendered pages (src/ingest/prerender.ts) mark #root with the path they were rendered for. The
// page's route module and its queries are loaded first (`preloadPage`, which the prerenderer runs too,
// against the same data files), so the first render equals the server's and React can hydrate it:
// no mismatch, no layout shift. Query parameters are state the server did not render (a search, a
// highlighted quote), so such URLs get a fresh client render over the prerendered markup instead
// (same layout, then the state applies). The app shell (404.html) has no page to hydrate: its frame is
// rendered at once and the page into it once loaded (see startApp).
// ---------------------------------------------------------------------------------------------------

/** A page's data failing to load is shown by the error view; anything else is a bug worth logging. */
const onCaughtError: RootOptions['onCaughtError'] = (error, info) => {
  if (!(error instanceof DataError)) console.error(error, info.componentStack)
}

/**
 * "/index.html" (and "/article/x/index.html") is the page its directory shows: hosts serve that file there,
 * and a link or bookmark may name it. The address is rewritten before anything routes on it, so it is the
 * library and not "Page not found".
 */
function showDirectoryForIndexFile(): void {
  const { pathname, search, hash } = window.location
  if (!pathname.endsWith('/index.html')) return
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname.slice(0, -'index.html'.length)}${search}${hash}`,
  )
}

export async function startApp(): Promise<void> {
  const container = document.getElementById('root')
  if (!container) throw new Error('#root is missing from index.html')
  const queryClient = createQueryClient()
  // With the trailing slash, links to the library read "/parallax/" (the directory the host serves)
  // rather than "/parallax" (which a host would first have to redirect).
  const basename = basePath()
  showDirectoryForIndexFile()
  const prerenderedPath = container.getAttribute('data-prerendered')
  const hydrate =
    !!prerenderedPath && window.location.search === '' && samePath(prerenderedPath, window.location.pathname)

  const path = routePath(window.location.pathname, basename)
  const preloaded = preloadPage(queryClient, path, window.location.search)
  const app = (starting: boolean, error?: unknown) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AppBrowserRouter basename={basename}>
          <AppRoutes initialError={error} starting={starting} />
        </AppBrowserRouter>
        {starting ? null : (
          <MountSignal container={container} mode={hydrate && !error ? 'hydrated' : 'rendered'} />
        )}
      </QueryClientProvider>
    </StrictMode>
  )

  // The app shell (404.html: an address the build did not prerender) has nothing on screen worth keeping
  // but its header and footer. Its frame is rendered at once, with "Loading…" where the page goes, while
  // the page's module and data download; then only the page is rendered into it. The work of the frame
  // (the router, the header, their first layout) is done while the network is busy, not after the data
  // is in. Not a Suspense fallback: React holds back content that replaces a fallback for up to 300 ms.
  // A page whose first render is bounded (`renderAtOnce`: the comparison renders a screen, then the rest
  // in batches) goes in as one update: a transition would hand the thread back to the browser every 5 ms,
  // a frame each time, while the reader waits for exactly this page. Any other stays in a transition, so
  // a first render that grows with the data (the library) does not block the header for its whole length.
  // See docs/decisions/0013-shell-frame-first.md.
  if (prerenderedPath === '') {
    const root = createRoot(container, { onCaughtError })
    startTransition(() => root.render(app(true)))
    const { error, renderAtOnce } = await preloaded
    if (renderAtOnce && error === undefined) root.render(app(false))
    else startTransition(() => root.render(app(false, error)))
    return
  }

  // Any other page: its module and data first (the data is usually in already: boot.ts preloaded it),
  // so the first render is complete and equals the prerendered markup.
  const { error } = await preloaded
  // A transition lets React yield to the browser every few milliseconds while it hydrates or builds a
  // large first view (a long article, a comparison), instead of blocking the main thread in one long task;
  // clicks meanwhile are replayed once the part clicked has hydrated.
  // A page that failed to load renders its error view, which the prerendered markup is not.
  if (hydrate && error === undefined) {
    startTransition(() => void hydrateRoot(container, app(false), { onCaughtError }))
  } else {
    const root = createRoot(container, { onCaughtError })
    startTransition(() => root.render(app(false, error)))
  }
}
