/**
 * Serves bench data in place of the site's bundled JSON by intercepting the app's data requests, so the
 * production build can be measured on corpora it does not ship (a synthetic 10,000-article library, two long
 * articles). Everything served is validated by the generators against the data contract first.
 */
import type { Page, Route } from '@playwright/test'
import {
  splitEvidence,
  type Article,
  type ArticleIndex,
  type Comparison,
  type SearchDocument,
} from '../../src/core/schema'

export type BenchData = {
  index?: ArticleIndex
  search?: SearchDocument[]
  /** The article for an id, or undefined for a 404. */
  article?: (id: string) => Article | undefined
  /** The stored comparison for a pair, or undefined for a 404 (the app then computes one itself). */
  comparison?: (leftId: string, rightId: string) => Comparison | undefined
}

const json = (route: Route, body: unknown) =>
  route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) })
const notFound = (route: Route) =>
  route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })
const lastSegment = (url: string) =>
  decodeURIComponent(
    new URL(url).pathname
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
  )

export async function serveBenchData(page: Page, data: BenchData): Promise<void> {
  // Serialise once: a 10,000-article index is several megabytes.
  const indexBody = data.index && JSON.stringify(data.index)
  const searchBody = data.search && JSON.stringify(data.search)
  if (indexBody) {
    await page.route('**/data/index.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: indexBody }),
    )
  }
  if (searchBody) {
    await page.route('**/data/search.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: searchBody }),
    )
  }
  const { article, comparison } = data
  if (article) {
    await page.route('**/data/articles/*.json', (route) => {
      const found = article(lastSegment(route.request().url()))
      return found ? json(route, found) : notFound(route)
    })
  }
  if (comparison) {
    // As the build writes them: the links in one file, their evidence in another (see splitEvidence).
    const stored = (url: string) => {
      const [left = '', right = ''] = lastSegment(url).split('--')
      const found = comparison(left, right)
      return found ? splitEvidence(found) : undefined
    }
    await page.route('**/data/compare/*.json', (route) => {
      const found = stored(route.request().url())
      return found ? json(route, found.comparison) : notFound(route)
    })
    await page.route('**/data/evidence/*.json', (route) => {
      const found = stored(route.request().url())
      return found ? json(route, found.evidence) : notFound(route)
    })
  }
}

/**
 * Prerendered pages carry the bundled data in their markup, and hydrating them with other data is a mismatch.
 * This answers the document request for `pathname` with the app shell (404.html, which renders on the client)
 * instead, keeping the server's security headers, so the page shows the bench data.
 */
export async function serveAppShellAt(page: Page, origin: string, pathname: string): Promise<void> {
  const response = await fetch(`${origin}/404.html`)
  const body = await response.text()
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (/^(?:content-security-policy|x-|referrer-policy|cache-control)/i.test(name)) headers[name] = value
  })
  await page.route(
    (url) => url.origin === origin && url.pathname === pathname,
    (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body, headers })
        : route.fallback(),
  )
}
