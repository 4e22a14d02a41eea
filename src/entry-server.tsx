/**
 * Server entry for the prerenderer (src/ingest/prerender.ts builds it with Vite in SSR mode).
 *
 * It renders the same routes as the browser (`AppRoutes`) after the same preparation (`preloadPage`): the
 * route module is loaded and its queries run, so the query cache holds exactly what the page's components
 * read, and the HTML is what the browser would render for the same URL.
 * Data comes from whatever `fetch` the caller installs (the prerenderer serves the built data files
 * from disk), so this file knows nothing about particular routes.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { prerenderToNodeStream } from 'react-dom/static'
import { StaticRouter } from 'react-router'
import { AppRoutes, preloadPage, routePath } from './app/router'
import { isNotFound } from './app/routes/route-error'
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
  const url = new URL(pathname, 'http://prerender.invalid')
  // The same basename as the browser's router (src/main.tsx), trailing slash included.
  const path = routePath(url.pathname, base)
  const { notFound, error } = await preloadPage(queryClient, path, url.search)
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouter basename={base} location={`${url.pathname}${url.search}`}>
          <AppRoutes initialError={error} />
        </StaticRouter>
      </QueryClientProvider>
    </StrictMode>,
    // Never outline a large Suspense boundary to be revealed later by React's inline <script>s (the
    // default above 12.8 kB): the CSP blocks inline scripts, and a static page is complete anyway.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  )
  const html = await streamToString(prelude)
  queryClient.clear()
  const errors = error === undefined ? [] : [error]
  const status = notFound || isNotFound(error) ? 404 : error === undefined ? 200 : 500
  return { status, html, errors }
}
