import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, startTransition, useEffect } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createBrowserRouter, createPath, type RouteObject } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { createRoutes } from './app/router'
import { basePath } from './lib/paths'
import { createQueryClient } from './lib/query-client'
import { applyTheme } from './ui/theme-toggle'
import './app/styles.css'

applyTheme()

// ---------------------------------------------------------------------------------------------------
// A deploy while a tab is open: the old page asks for route chunks that no longer exist. Reload once
// (to where the reader was going) to pick up the new build, instead of showing an error; if the
// reload did not help (checked through sessionStorage), let the route's error view say so.
// ---------------------------------------------------------------------------------------------------

const RELOAD_KEY = 'parallax:chunk-reload'
const RELOAD_GUARD_MS = 60_000
const failedChunkLoads = new WeakSet<object>()

// Vite's preload helper announces every failed dynamic import (and CSS preload) with this event; the
// same error object then rejects the import, which is how the lazy wrapper below recognises it.
window.addEventListener('vite:preloadError', (event) => {
  const payload: unknown = (event as Event & { payload?: unknown }).payload
  if (typeof payload === 'object' && payload !== null) failedChunkLoads.add(payload)
})

function isChunkLoadError(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && failedChunkLoads.has(error)) return true
  // Browsers' own wording, for imports Vite did not wrap.
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script failed|error loading dynamically imported/i.test(error.message)
  )
}

/** Starts a full page load of `href` unless one was started for this reason within the last minute. */
function reloadForNewDeploy(href: string): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0)
    if (Date.now() - last < RELOAD_GUARD_MS) return false
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()))
  } catch {
    // Without storage there is no guard against a reload loop: show the error instead.
    return false
  }
  window.location.assign(href)
  return true
}

function withChunkReload(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const next = { ...route } as RouteObject
    const lazy = route.lazy
    if (typeof lazy === 'function') {
      next.lazy = (async () => {
        try {
          return await lazy()
        } catch (error) {
          if (isChunkLoadError(error)) {
            const target = router.state.navigation.location ?? router.state.location
            // Leave the navigation pending while the page reloads, so no error view flashes up.
            if (reloadForNewDeploy(createPath(target))) return new Promise<never>(() => {})
          }
          throw error
        }
      }) as typeof lazy
    }
    if (route.children) next.children = withChunkReload(route.children)
    return next
  })
}

// ---------------------------------------------------------------------------------------------------
// Start-up. Prerendered pages (src/ingest/prerender.ts) mark #root with the path they were rendered
// for. The router first resolves the matched lazy route modules and runs their loaders (which fill
// the query cache from the same data files), so the first render equals the server's and React can
// hydrate it: no mismatch, no layout shift. Query parameters are state the server did not render
// (a search, a highlighted quote), so such URLs get a fresh client render over the prerendered
// markup instead (same layout, then the state applies).
// ---------------------------------------------------------------------------------------------------

const queryClient = createQueryClient()
// With the trailing slash, links to the library read "/parallax/" (the directory the host serves)
// rather than "/parallax" (which a host would first have to redirect).
const basename = basePath()
const router = createBrowserRouter(withChunkReload(createRoutes(queryClient)), { basename })

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

function routerReady(): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
}

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')
const prerenderedPath = container.getAttribute('data-prerendered')
const hydrate =
  !!prerenderedPath && window.location.search === '' && samePath(prerenderedPath, window.location.pathname)

/**
 * Marks #root once the first render has committed (`data-mounted="hydrated"` or `"rendered"`): the
 * page is interactive from then on, and end-to-end tests wait for it. Renders nothing, so it cannot
 * upset hydration.
 */
function MountSignal({ mode }: { mode: 'hydrated' | 'rendered' }) {
  useEffect(() => {
    container?.setAttribute('data-mounted', mode)
  }, [mode])
  return null
}

void routerReady().then(() => {
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <MountSignal mode={hydrate ? 'hydrated' : 'rendered'} />
      </QueryClientProvider>
    </StrictMode>
  )
  // A route that failed to load renders its error view, which the prerendered markup is not.
  if (hydrate && !router.state.errors) hydrateRoot(container, app)
  else {
    // A transition lets React yield while it builds a large first view (a long comparison), instead of
    // blocking the main thread in one long task.
    const root = createRoot(container)
    startTransition(() => root.render(app))
  }
})
