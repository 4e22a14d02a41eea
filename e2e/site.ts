/**
 * Helpers for specs that must know the deployment base (the suite runs at "/" and under a sub-path;
 * see playwright.config.ts) and the bundled routes.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { indexSchema, type ArticleIndex } from '../src/core/schema'
import { paths } from '../src/lib/paths'

/** The base the current project's site was built with: "/" or "/parallax/". */
export function siteBase(): string {
  const base = test.info().project.metadata?.base
  return typeof base === 'string' ? base : '/'
}

/** A router path ("/article/x?quote=q1") as the address under the current base ("/parallax/article/x?quote=q1"). */
export function sitePath(routerPath: string): string {
  return `${siteBase()}${routerPath.replace(/^\/+/, '')}`
}

export async function loadIndex(request: APIRequestContext): Promise<ArticleIndex> {
  const response = await request.get(sitePath(paths.data.index()))
  if (!response.ok()) throw new Error(`data/index.json answered ${response.status()}`)
  return indexSchema.parse(await response.json())
}

export type SiteRoute = { name: string; path: string; kind: 'library' | 'article' | 'compare' }

/** Every prerendered route: the library, each article, each ordered pair of articles in one story. */
export function bundledRoutes(index: ArticleIndex): SiteRoute[] {
  const routes: SiteRoute[] = [{ name: 'library', path: paths.library.build(), kind: 'library' }]
  for (const a of index.articles)
    routes.push({ name: `article ${a.id}`, path: paths.article.build(a.id), kind: 'article' })
  for (const story of index.stories) {
    for (const left of story.articleIds) {
      for (const right of story.articleIds) {
        if (left !== right) {
          routes.push({
            name: `compare ${left} / ${right}`,
            path: paths.compare.build(left, right),
            kind: 'compare',
          })
        }
      }
    }
  }
  return routes
}

/** Waits until the app's first render has committed (src/main.tsx marks #root), hydrated or not. */
export async function appMounted(page: Page): Promise<void> {
  await expect(page.locator('#root')).toHaveAttribute('data-mounted', /^(hydrated|rendered)$/)
}

/**
 * Gives the view time to finish what it starts after mounting (lazy chunks, data, a worker's first
 * answer). Not `networkidle`: a request made by a Web Worker can keep that from ever settling.
 */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.evaluate(
    (delay) => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => resolve(null)), delay)),
    ms,
  )
}

/**
 * The theme the reader sees (the page's computed color-scheme), whether a stored choice set
 * <html data-theme> or the stylesheet follows the system.
 */
export async function expectTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme))
    .toBe(theme)
}
