/**
 * Server entry for the prerenderer (src/ingest/prerender.ts builds it with Vite in SSR mode).
 *
 * It renders the same route tree as the browser (`createRoutes`) through react-router's static
 * handler: lazy route modules are resolved and every loader runs, so the query cache holds exactly
 * what the route's components read, and the HTML is what the browser would render for the same URL.
 * Data comes from whatever `fetch` the caller installs (the prerenderer serves the built data files
 * from disk), so this file knows nothing about particular routes.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { prerenderToNodeStream } from 'react-dom/static'
import {
  createStaticHandler,
  createStaticRouter,
  isRouteErrorResponse,
  StaticRouterProvider,
} from 'react-router'
import { createRoutes } from './app/router'
import { DataError } from './lib/data/fetch-json'
import { basePath } from './lib/paths'
import { createQueryClient } from './lib/query-client'

export type RenderedRoute = {
  /** HTTP status the page stands for: 200, 404 for unknown addresses and ids, 500 for other errors. */
  status: number
  /** The app's markup, to go inside <div id="root">. */
  html: string
  /** Route errors, if any, for the build log. */
  errors: unknown[]
}

/** The base the client bundle was built with (import.meta.env.BASE_URL), always ending in "/". */
export const base = basePath()

function statusOf(errors: unknown[], catchAll: boolean, fallback: number): number {
  // The catch-all route ("*") is the not-found page.
  if (errors.length === 0) return catchAll ? 404 : fallback
  const notFound = errors.some(
    (e) =>
      (e instanceof DataError && e.kind === 'not-found') || (isRouteErrorResponse(e) && e.status === 404),
  )
  return notFound ? 404 : 500
}

async function streamToString(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Renders one URL path (including the base, e.g. "/parallax/article/x") to HTML. Waits for every
 * Suspense boundary, so the markup is complete rather than a loading state.
 */
export async function render(pathname: string): Promise<RenderedRoute> {
  const queryClient = createQueryClient()
  // The same basename as the browser's router (src/main.tsx), trailing slash included.
  const handler = createStaticHandler(createRoutes(queryClient), { basename: base })
  const context = await handler.query(new Request(new URL(pathname, 'http://prerender.invalid')))
  if (context instanceof Response) {
    throw new Error(
      `${pathname}: a loader answered with a ${context.status} response; prerendering cannot follow it`,
    )
  }
  const errors = Object.values(context.errors ?? {})
  const router = createStaticRouter(handler.dataRoutes, context)
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {/* hydrate={false}: no inline hydration script (the CSP forbids inline scripts); the client runs
            the same loaders against the same data files before it hydrates. */}
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
    </StrictMode>,
    // Never outline a large Suspense boundary to be revealed later by React's inline <script>s (the
    // default above 12.8 kB): the CSP blocks inline scripts, and a static page is complete anyway.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  )
  const html = await streamToString(prelude)
  queryClient.clear()
  const catchAll = context.matches.at(-1)?.route.path === '*'
  return { status: statusOf(errors, catchAll, context.statusCode), html, errors }
}
