import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { Suspense, use, useMemo, useState, type ComponentType } from 'react'
import { matchPath, Outlet, Route, Routes, useLocation, useParams, type Params } from 'react-router'
import { paths } from '../lib/paths'
import { isChunkLoadError, reloadForNewDeploy } from './chunk-reload'
import { FirstPageContext } from './first-page'
import { NotFound } from './routes/not-found-route'
import { RootLayout } from './routes/root'
import { PageErrorBoundary } from './routes/route-error'

/**
 * One route table for the browser and the prerenderer, in react-router's declarative mode: its data
 * router (loaders, lazy route objects, its own scroll restoration) would add about 17 kB gzip to every
 * first visit, and TanStack Query already does the data loading. Route modules are loaded on demand so
 * the first view only downloads what it shows; each names the queries its page reads (`preload`), which
 * start together instead of one after another as the page's `useSuspenseQuery` hooks suspend.
 * See docs/decisions/0003-route-table-and-preload.md.
 */
export type RouteModule = {
  Component: ComponentType
  /** Starts every query the page reads; settles when they have loaded, rejects with the first failure. */
  preload?: (queryClient: QueryClient, params: Params, search: URLSearchParams) => Promise<unknown>
  /**
   * The page renders about a screen at first whatever its data (the rest in batches after a paint; its
   * view model still covers the whole data), so at start-up it goes in as one update rather than a
   * transition, which hands the thread back to the browser every 5 ms and costs a frame each time (see
   * main.tsx). A page whose first render grows with its data (the library's ten thousand articles) stays
   * in a transition.
   */
  renderAtOnce?: boolean
}

type AppRoute = {
  pattern: string
  /** The catch-all: the not-found page (HTTP 404 when prerendered). */
  notFound?: boolean
  importModule: () => Promise<RouteModule>
  /** Set once the module has loaded, so later renders (and hydration) need not suspend. */
  loaded?: RouteModule
  pending?: Promise<RouteModule>
  failed?: boolean
}

const notFoundRoute: RouteModule = { Component: NotFound }

const routes: AppRoute[] = [
  { pattern: paths.library.pattern, importModule: () => import('./routes/library-route') },
  { pattern: paths.article.pattern, importModule: () => import('./routes/article-route') },
  { pattern: paths.compare.pattern, importModule: () => import('./routes/compare-route') },
  { pattern: paths.add.pattern, importModule: () => import('./routes/add-route') },
  { pattern: paths.own.pattern, importModule: () => import('./routes/own-route') },
  { pattern: paths.shared.pattern, importModule: () => import('./routes/shared-route') },
  // Part of the start-up code anyway: the error view shows it for unknown ids.
  { pattern: '*', notFound: true, importModule: async () => notFoundRoute, loaded: notFoundRoute },
]

/**
 * Loads a route's module once. A deploy while a tab is open: a route chunk that no longer exists reloads
 * the page once, to where the reader was going (see chunk-reload.ts), and the navigation stays pending
 * meanwhile so no error view flashes up; if the reload did not help, the error view says so. A failed
 * load stays failed (rendering it again must not download it again and again) until "Try again".
 */
function loadRoute(route: AppRoute): Promise<RouteModule> {
  route.pending ??= route.importModule().then(
    (module) => (route.loaded = module),
    (error: unknown) => {
      route.failed = true
      if (isChunkLoadError(error) && typeof window !== 'undefined') {
        // The history entry is already the target: BrowserRouter pushes it before rendering the page.
        if (reloadForNewDeploy(window.location.href)) return new Promise<never>(() => {})
      }
      throw error
    },
  )
  return route.pending
}

/** "Try again": route modules that failed to load are downloaded afresh. */
function forgetFailedRoutes(): void {
  for (const route of routes) {
    if (!route.failed) continue
    route.failed = false
    route.pending = undefined
  }
}

/**
 * The path the app routes on, as react-router sees it: without the deployment base ("/parallax/article/x"
 * → "/article/x") and with each segment decoded.
 */
export function routePath(pathname: string, basename: string): string {
  const base = basename.replace(/\/+$/, '')
  const path =
    pathname === base || pathname.startsWith(`${base}/`) ? pathname.slice(base.length) || '/' : pathname
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).replace(/\//g, '%2F')
      } catch {
        return segment
      }
    })
    .join('/')
}

/** The route a path (from `routePath`) shows, and its parameters. */
export function matchAppRoute(pathname: string): { route: AppRoute; params: Params } {
  for (const route of routes) {
    const match = route.notFound ? null : matchPath({ path: route.pattern, end: true }, pathname)
    if (match) return { route, params: match.params }
  }
  return { route: routes.at(-1)!, params: {} }
}

export type PreloadResult = {
  /** Whether the path is the not-found page. */
  notFound: boolean
  /** The route's `renderAtOnce`. */
  renderAtOnce: boolean
  /** Why the page cannot be shown (a DataError, a failed chunk), if it cannot. */
  error?: unknown
}

/**
 * Loads everything a URL's page needs before it is rendered, so the first render is complete: the
 * prerenderer's HTML, and the browser's first render that hydrates it, are the same.
 */
export async function preloadPage(
  queryClient: QueryClient,
  pathname: string,
  search: string,
): Promise<PreloadResult> {
  const { route, params } = matchAppRoute(pathname)
  const notFound = !!route.notFound
  try {
    const module = await loadRoute(route)
    await module.preload?.(queryClient, params, new URLSearchParams(search))
    return { notFound, renderAtOnce: !!module.renderAtOnce }
  } catch (error) {
    return { notFound, renderAtOnce: false, error }
  }
}

/** The page (route and history entry) whose queries were last started, per query cache. */
const preloadedEntry = new WeakMap<QueryClient, string>()

function RoutePage({ route }: { route: AppRoute }) {
  const params = useParams()
  const { search, key } = useLocation()
  const queryClient = useQueryClient()
  const module = route.loaded ?? use(loadRoute(route))
  // Once per history entry (not on every render: a failed query would be fetched again and again).
  // Failures are not lost: the page's own hooks read the same queries and throw to the error boundary.
  const entry = `${route.pattern}\n${key}`
  if (preloadedEntry.get(queryClient) !== entry) {
    preloadedEntry.set(queryClient, entry)
    module.preload?.(queryClient, params, new URLSearchParams(search)).catch(() => {})
  }
  return <module.Component />
}

function Page({ route }: { route: AppRoute }) {
  const location = useLocation()
  const initialError = use(FirstPageContext).error
  return (
    // Errors replace only the page: the header and the way back to the library keep working.
    <PageErrorBoundary resetKey={location.key} initialError={initialError} onRetry={forgetFailedRoutes}>
      <RoutePage route={route} />
    </PageErrorBoundary>
  )
}

/**
 * One boundary around every page, so it is already showing a page when the reader moves to the next:
 * navigations render in a transition, and React keeps the page being left on screen (and scrolled as it
 * was) until the next one has its code and data, instead of a fallback. The fallback shows when no page
 * is there yet: a reader who follows a link while the app shell's first page is still loading (see
 * AppRoutes), or a first page rendered before its data (start-up loads it first, so it normally is not).
 */
function PageFrame() {
  const loading = (
    <p className="page page-loading" role="status">
      Loading…
    </p>
  )
  if (use(FirstPageContext).holding) return loading
  return (
    <Suspense fallback={loading}>
      <Outlet />
    </Suspense>
  )
}

/**
 * The app's routes. `initialError` is what `preloadPage` reported for the first URL, if anything.
 * `starting`: the first URL's page is still loading (see main.tsx); the frame around it is rendered
 * with "Loading…" in its place, and nothing that acts on the page (scroll restoration) runs yet. It
 * holds only the first page: a reader who follows a link in the header meanwhile gets that page.
 */
export function AppRoutes({
  initialError,
  starting = false,
}: {
  initialError?: unknown
  starting?: boolean
}) {
  const { key } = useLocation()
  // The first URL's error belongs to the first history entry, until the reader moves on.
  const [first, setFirst] = useState({ key, error: initialError, starting })
  // The error arrives with the end of `starting` (the first render had none to give).
  if (first.starting && !starting) setFirst({ key: first.key, error: initialError, starting })
  else if (key !== first.key && first.error !== undefined) setFirst({ ...first, error: undefined })
  const error = key === first.key ? first.error : undefined
  // Once the reader has moved on, nothing is held again (back to the first page while it is still loading
  // shows the route's own fallback), so scroll restoration stays mounted with the positions it has kept.
  const [movedOn, setMovedOn] = useState(false)
  if (starting && !movedOn && key !== first.key) setMovedOn(true)
  const holding = starting && !movedOn && key === first.key
  const firstPage = useMemo(() => ({ holding, error }), [holding, error])
  // The same element every time: the end of start-up reaches the page through the context, and the
  // route table is not matched again (a navigation re-renders it through the router's own context).
  // See docs/decisions/0008-first-page-context.md.
  const table = useMemo(
    () => (
      <Routes>
        <Route element={<RootLayout />}>
          <Route element={<PageFrame />}>
            {routes.map((route) => (
              <Route key={route.pattern} path={route.pattern} element={<Page route={route} />} />
            ))}
          </Route>
        </Route>
      </Routes>
    ),
    [],
  )
  return <FirstPageContext value={firstPage}>{table}</FirstPageContext>
}
