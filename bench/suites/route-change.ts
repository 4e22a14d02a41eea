/**
 * Route changes on a SYNTHETIC 10,000-article corpus at 4× CPU slowdown: the production build's library is
 * opened with the synthetic index.json (and search.json) served in place of the bundled data, then a reader
 * clicks into an article, goes back, searches, and changes the outlet filter. For each step, main-thread
 * blocking is the sum over long tasks of (duration − 50 ms) from the action until the page has been quiet for
 * a second; the longest task is in the note. Budget: 50 ms per route change.
 */
import type { Page } from '@playwright/test'
import type { BenchResult } from '../types'
import { launchChromium, throttleCpu } from '../lib/chromium'
import { serveAppShellAt, serveBenchData } from '../lib/data-routes'
import { blockingSince, observeLongTasks, pageNow, settle, type Blocking } from '../lib/longtasks'
import { loadNote, waitForQuietMachine } from '../lib/machine'
import { ensureSite } from '../lib/site'
import { serveSite } from '../lib/serve-site'
import { syntheticArticle, syntheticCorpus } from '../lib/synthetic'

const cpuSlowdown = 4
const budgetMs = 50

/** A step that cannot be done (a control missing, a page that never shows) breaks the budget rather than the run. */
async function measureStep(page: Page, action: () => Promise<void>): Promise<Blocking | Error> {
  try {
    const t0 = await pageNow(page)
    await action()
    await settle(page)
    return await blockingSince(page, t0)
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

/** Prefer what a person does (the search box, the outlet control); say when the URL had to be used instead. */
async function changeOutletFilter(page: Page, outlet: string): Promise<string> {
  const control = page.getByLabel(/outlet/i).first()
  if ((await control.count()) > 0 && (await control.evaluate((el) => el.tagName)) === 'SELECT') {
    await control.selectOption({ label: outlet }).catch(() => control.selectOption({ index: 1 }))
    return 'outlet select'
  }
  const option = page
    .getByRole('checkbox', { name: outlet })
    .or(page.getByRole('button', { name: outlet }))
    .first()
  if ((await option.count()) > 0) {
    await option.click()
    return 'outlet control'
  }
  // No control found: a history navigation to the filtered URL, which the router handles as a route change.
  await page.evaluate((o) => {
    history.pushState(null, '', `${location.pathname}?outlet=${encodeURIComponent(o)}`)
    dispatchEvent(new PopStateEvent('popstate'))
  }, outlet)
  return 'URL (no outlet control found)'
}

export async function run(): Promise<BenchResult[]> {
  const siteDir = await ensureSite()
  const { index, search } = syntheticCorpus(10_000)
  const byId = new Map(index.articles.map((a) => [a.id, a]))
  const server = await serveSite(siteDir)
  const browser = await launchChromium()
  const results: BenchResult[] = []
  const load = await waitForQuietMachine()
  const note = `${server.server}; ${loadNote(load)}; synthetic corpus of ${index.articles.length.toLocaleString('en')} articles, ${cpuSlowdown}× CPU slowdown`
  const push = (name: string, b: Blocking | Error, extra = '', budgeted = true) =>
    b instanceof Error
      ? results.push({
          name,
          value: Infinity,
          unit: 'ms',
          budget: { max: budgetMs },
          note: `could not be done: ${b.message.split('\n')[0]}`,
        })
      : results.push({
          name,
          value: b.blockingMs,
          unit: 'ms',
          ...(budgeted ? { budget: { max: budgetMs } } : {}),
          note: `${note}; ${b.count} long tasks, longest ${Math.round(b.longestMs)} ms${extra}`,
        })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await observeLongTasks(page)
    await serveBenchData(page, {
      index,
      search,
      article: (id) => {
        const summary = byId.get(id)
        return summary && syntheticArticle(summary)
      },
    })
    await serveAppShellAt(page, server.origin, '/')
    await throttleCpu(page, cpuSlowdown)

    // The first load parses a multi-megabyte index: reported, but a page load is not a route change.
    await page.goto(`${server.origin}/`, { waitUntil: 'load' })
    // Whichever article the (virtualised) list shows first: its card link is what a reader would click.
    const articleLink = page.locator('main a[href*="/article/"]').first()
    await articleLink.waitFor({ timeout: 120_000 })
    const targetId = decodeURIComponent(
      (await articleLink.getAttribute('href'))!.split('/').pop()!.split('?')[0]!,
    )
    const targetHeadline = syntheticArticle(byId.get(targetId)!).headline
    await settle(page)
    push('library first load (not a route change)', await blockingSince(page, 0), '', false)

    push(
      'route change: library → article',
      await measureStep(page, async () => {
        await articleLink.click()
        await page.waitForURL(/\/article\//)
        await page.getByRole('heading', { level: 1 }).filter({ hasText: targetHeadline }).waitFor()
      }),
    )
    push(
      'route change: article → library (back)',
      await measureStep(page, async () => {
        await page.goBack()
        await articleLink.waitFor()
      }),
    )

    const box = page
      .getByRole('searchbox')
      .or(page.getByLabel(/search/i))
      .first()
    // Short timeouts: a missing control should fail the step, not stall the bench.
    page.setDefaultTimeout(20_000)
    push(
      'search change: type a query',
      await measureStep(page, async () => {
        await box.fill('harbour strike')
        await page.waitForURL(/[?&]q=/, { timeout: 30_000 })
      }),
      '; includes the first search, which loads search.json',
    )

    let how = ''
    const filter = await measureStep(page, async () => {
      how = await changeOutletFilter(page, 'Harbour Times')
      await page.waitForURL(/[?&]outlet=/, { timeout: 30_000 })
    })
    push('filter change: outlet', filter, `; via ${how}`)
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }
  return results
}
