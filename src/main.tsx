import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, startTransition, useEffect } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createBrowserRouter, createPath, type RouteObject } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { isChunkLoadError, reloadForNewDeploy } from './app/chunk-reload'
import { createRoutes } from './app/router'
import { basePath } from './lib/paths'
import { createQueryClient } from './lib/query-client'

type Router = ReturnType<typeof createBrowserRouter>

// ---------------------------------------------------------------------------------------------------
// The app proper, loaded by src/boot.ts once the prerendered page has painted.
// A deploy while a tab is open: a route chunk that no longer exists reloads the page once (see
// app/chunk-reload.ts) instead of showing an error.
// ---------------------------------------------------------------------------------------------------

function withChunkReload(routes: RouteObject[], router: () => Router): RouteObject[] {
  return routes.map((route) => {
    const next = { ...route } as RouteObject
    const lazy = route.lazy
    if (typeof lazy === 'function') {
      next.lazy = (async () => {
        try {
          return await lazy()
        } catch (error) {
          if (isChunkLoadError(error)) {
            const { state } = router()
            const target = state.navigation.location ?? state.location
            // Leave the navigation pending while the page reloads, so no error view flashes up.
            if (reloadForNewDeploy(createPath(target))) return new Promise<never>(() => {})
          }
          throw error
        }
      }) as typeof lazy
    }
    if (route.children) next.children = withChunkReload(route.children, router)
    return next
  })
}

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

function routerReady(router: Router): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
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
// router first resolves the matched lazy route modules and runs their loaders (which fill the query
// cache from the same data files), so the first render equals the server's and React can hydrate it:
// no mismatch, no layout shift. Query parameters are state the server did not render (a search, a
// highlighted quote), so such URLs get a fresh client render over the prerendered markup instead
// (same layout, then the state applies).
// ---------------------------------------------------------------------------------------------------

export async function startApp(): Promise<void> {
  const container = document.getElementById('root')
  if (!container) throw new Error('#root is missing from index.html')
  const queryClient = createQueryClient()
  // With the trailing slash, links to the library read "/parallax/" (the directory the host serves)
  // rather than "/parallax" (which a host would first have to redirect).
  const basename = basePath()
  const router: Router = createBrowserRouter(
    withChunkReload(createRoutes(queryClient), () => router),
    { basename },
  )
  const prerenderedPath = container.getAttribute('data-prerendered')
  const hydrate =
    !!prerenderedPath && window.location.search === '' && samePath(prerenderedPath, window.location.pathname)

  await routerReady(router)
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <MountSignal container={container} mode={hydrate ? 'hydrated' : 'rendered'} />
      </QueryClientProvider>
    </StrictMode>
  )
  // A transition lets React yield to the browser every few milliseconds while it hydrates or builds a
  // large first view (a long article, a comparison), instead of blocking the main thread in one long task;
  // clicks meanwhile are replayed once the part clicked has hydrated.
  // A route that failed to load renders its error view, which the prerendered markup is not.
  if (hydrate && !router.state.errors) startTransition(() => void hydrateRoot(container, app))
  else {
    const root = createRoot(container)
    startTransition(() => root.render(app))
  }
}
