import type { Page } from '@playwright/test'
import {
  articleSchema,
  comparisonSchema,
  indexSchema,
  searchDocumentsSchema,
  splitEvidence,
  type Article,
} from '../src/core/schema'
import { paths } from '../src/lib/paths'
import { findInjectedMarkup, readableText } from '../test/security/dom-findings'
import { articleText, hostileCorpus, type HostileCorpus } from '../test/security/hostile-corpus'
import { comparable, loadPayloads } from '../test/security/payloads'
import { expect, test } from './fixtures'
import { loadIndex, sitePath } from './site'

/**
 * Hostile text in every view of the production build. XSS payloads (test/fixtures/xss/payloads.txt) go
 * through the real ingest pipeline into articles, the index, search documents and comparisons, which are
 * served in place of the bundled data; other payloads go into URL parameters. Every view must show them as
 * text and create nothing from them: no element, no handler, no script run (payloads set `window.__xss` or
 * open a dialog when they run), no dialog, no `javascript:` navigation, no Content-Security-Policy
 * violation (the shipped nginx config sends the CSP, so blocked injected script shows up here too).
 */

const payloads = loadPayloads()
const prose = hostileCorpus(payloads, 'prose')
const dense = hostileCorpus(payloads, 'dense')

declare global {
  interface Window {
    __xss?: unknown
    __cspViolations?: string[]
  }
}

type Guard = { dialogs: string[]; scriptNavigations: string[] }

/** Watches a page for the signs of a payload running. Call before the first navigation. */
async function guard(page: Page): Promise<Guard> {
  const g: Guard = { dialogs: [], scriptNavigations: [] }
  page.on('dialog', (dialog) => {
    g.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('framenavigated', (frame) => {
    if (/^\s*(?:javascript|vbscript|data):/i.test(frame.url())) g.scriptNavigations.push(frame.url())
  })
  page.on('request', (request) => {
    if (/^\s*(?:javascript|vbscript):/i.test(request.url())) g.scriptNavigations.push(request.url())
  })
  await page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`)
    })
  })
  return g
}

async function expectNothingInjected(page: Page, g: Guard, where: string): Promise<void> {
  expect(await page.evaluate(findInjectedMarkup as () => string[]), `injected markup on ${where}`).toEqual([])
  const state = await page.evaluate(() => ({ xss: window.__xss, csp: window.__cspViolations ?? [] }))
  expect(state.xss, `a payload ran on ${where}`).toBeUndefined()
  expect(state.csp, `Content-Security-Policy violations on ${where}`).toEqual([])
  expect(g.dialogs, `dialogs opened on ${where}`).toEqual([])
  expect(g.scriptNavigations, `script navigations on ${where}`).toEqual([])
}

/** Serves the corpus in place of the bundled data, after validating it as the app will. */
async function serveCorpus(page: Page, corpus: HostileCorpus): Promise<void> {
  indexSchema.parse(corpus.index)
  searchDocumentsSchema.parse(corpus.search)
  for (const a of corpus.articles) articleSchema.parse(a)
  for (const c of corpus.comparisons) comparisonSchema.parse(c)
  const json = (body: unknown) => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  })
  const notFound = { status: 404, contentType: 'text/plain', body: 'not found' }
  const name = (url: string) =>
    decodeURIComponent(
      new URL(url).pathname
        .split('/')
        .pop()!
        .replace(/\.json$/, ''),
    )
  await page.route('**/data/index.json', (route) => route.fulfill(json(corpus.index)))
  await page.route('**/data/search.json', (route) => route.fulfill(json(corpus.search)))
  await page.route('**/data/articles/*.json', (route) => {
    const article = corpus.articles.find((a) => a.id === name(route.request().url()))
    return route.fulfill(article ? json(article) : notFound)
  })
  // As the build writes them: the links in one file, their evidence in another.
  const stored = (url: string) => {
    const [left, right] = name(url).split('--')
    const found = corpus.comparisons.find((c) => c.leftId === left && c.rightId === right)
    return found ? splitEvidence(found) : undefined
  }
  await page.route('**/data/compare/*.json', (route) => {
    const found = stored(route.request().url())
    return route.fulfill(found ? json(found.comparison) : notFound)
  })
  await page.route('**/data/evidence/*.json', (route) => {
    const found = stored(route.request().url())
    return route.fulfill(found ? json(found.evidence) : notFound)
  })
}

/**
 * Prerendered pages hold the bundled data; hydrating them with other data would be a mismatch the app
 * rightly reports. Pages under test are opened as the app shell (404.html, which renders on the client)
 * so they show the served corpus.
 */
async function openAsAppShell(page: Page, routerPath: string): Promise<void> {
  const shell = await page.request.get(sitePath('404.html'))
  const html = await shell.text()
  // Keep the security headers the server sends with the page (the CSP above all), not its encoding.
  const headers = Object.fromEntries(
    Object.entries(shell.headers()).filter(([name]) =>
      /^(?:content-security-policy|x-|referrer-policy)/i.test(name),
    ),
  )
  const pathname = new URL(sitePath(routerPath), 'http://site.invalid').pathname
  await page.route(
    (url) => url.pathname === pathname,
    (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers })
        : route.fallback(),
  )
  await page.goto(sitePath(routerPath))
}

/** A client-side route change, the way the router sees a back/forward step. */
async function routeTo(page: Page, routerPath: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to)
    dispatchEvent(new PopStateEvent('popstate'))
  }, sitePath(routerPath))
}

/** The page's prose as a reader sees it (see readableText). */
const pageText = (page: Page) => page.evaluate(readableText as () => string)

const bodyText = (a: Article) =>
  a.paragraphs
    .filter((p) => /^p\d+$/.test(p.id))
    .map((p) => p.text)
    .join('\n')

/** The payload of a prose article, if ingest kept it in `text` (that ingest keeps it is tested on its own). */
function keptPayload(corpus: HostileCorpus, article: Article, text: string): string | null {
  const [payload] = corpus.payloadsOf.get(article.id)!
  return comparable(text).includes(comparable(payload!)) ? payload! : null
}

/**
 * Brings up what focus, hover and a click reveal — the speaker popover behind each quote's name chip, a
 * passage's links and evidence — then checks again. Only controls that stay on the page (buttons, passages).
 */
async function poke(page: Page, g: Guard, where: string, limit = 12): Promise<void> {
  const targets = page.locator('main :is(button[data-chip-for], .cmp-passage, details > summary, mark)')
  const count = Math.min(await targets.count(), limit)
  for (let i = 0; i < count; i++) {
    const target = targets.nth(i)
    if (!(await target.isVisible())) continue
    await target.focus()
    await target.hover({ timeout: 500 }).catch(() => {})
    if (await target.evaluate((el) => el.matches('button, summary')))
      await target.click({ timeout: 500 }).catch(() => {})
  }
  await expectNothingInjected(page, g, `${where} after focus, hover and click`)
}

test.describe('hostile article text', () => {
  test.describe.configure({ timeout: 240_000 })

  test('the reader shows every payload an article carries as text and runs none of them', async ({
    page,
  }) => {
    const g = await guard(page)
    await serveCorpus(page, prose)
    const [first, ...rest] = prose.articles
    await openAsAppShell(page, paths.article.build(first!.id))
    for (const article of [first!, ...rest]) {
      if (article !== first) await routeTo(page, paths.article.build(article.id))
      const payload = keptPayload(prose, article, articleText(article))
      const shown = comparable(article.headline)
      await expect
        .poll(async () => comparable(await page.locator('main h1').evaluate(readableText)), {
          message: `${article.id}: the headline shows`,
        })
        .toBe(shown)
      if (payload) {
        await expect
          .poll(async () => comparable(await pageText(page)), {
            message: `${article.id} shows ${JSON.stringify(payload)} as text`,
          })
          .toContain(comparable(payload))
      }
      await expectNothingInjected(page, g, article.id)
    }
  })

  test('the reader with six payloads in every part of each article stays inert, popovers included', async ({
    page,
  }) => {
    const g = await guard(page)
    await serveCorpus(page, dense)
    const [first, ...rest] = dense.articles
    await openAsAppShell(page, paths.article.build(first!.id))
    for (const article of [first!, ...rest]) {
      if (article !== first) await routeTo(page, paths.article.build(article.id))
      await expect
        .poll(async () => comparable(await page.locator('main h1').evaluate(readableText)))
        .toBe(comparable(article.headline))
      await expectNothingInjected(page, g, article.id)
      // Popovers open the same way on every article: three are enough, and keep the suite quick.
      if (dense.articles.indexOf(article) < 3) await poke(page, g, article.id)
    }
  })

  test('the comparison shows each side’s payloads as text and runs none of them', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const g = await guard(page)
    await serveCorpus(page, prose)
    const pairs = prose.comparisons
    await openAsAppShell(page, paths.compare.build(pairs[0]!.leftId, pairs[0]!.rightId))
    for (const [i, pair] of pairs.entries()) {
      const path = paths.compare.build(pair.leftId, pair.rightId)
      if (i > 0) await routeTo(page, path)
      await expect(page.locator('[data-compare-ready="true"]')).toHaveCount(1)
      for (const id of [pair.leftId, pair.rightId]) {
        const article = prose.articles.find((a) => a.id === id)!
        const payload = keptPayload(prose, article, bodyText(article))
        if (!payload) continue
        await expect
          .poll(async () => comparable(await pageText(page)), {
            message: `${path} shows ${JSON.stringify(payload)} as text`,
          })
          .toContain(comparable(payload))
      }
      await expectNothingInjected(page, g, path)
    }
  })

  test('the comparison of payload-dense articles stays inert, evidence and links included', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const g = await guard(page)
    await serveCorpus(page, dense)
    const pairs = dense.comparisons
    await openAsAppShell(page, paths.compare.build(pairs[0]!.leftId, pairs[0]!.rightId))
    for (const [i, pair] of pairs.entries()) {
      const path = paths.compare.build(pair.leftId, pair.rightId)
      if (i > 0) await routeTo(page, path)
      await expect(page.locator('[data-compare-ready="true"]')).toHaveCount(1)
      await expectNothingInjected(page, g, path)
      if (i === 0) {
        // A link's evidence (its own file, fetched on demand) quotes the payloads too.
        await page.locator('.cmp-passage[data-link-ids]').first().click()
        await page.locator('.cmp-inspector').getByText('Why linked?').click()
        await expect(page.locator('.cmp-evidence').getByText('Shared words', { exact: true })).toBeVisible()
        await expectNothingInjected(page, g, `${path} with a link's evidence open`)
      }
      if (i < 3) await poke(page, g, path)
    }
  })

  test('the library lists payload headlines, decks and bylines as text and runs none of them', async ({
    page,
  }) => {
    const g = await guard(page)
    await serveCorpus(page, dense)
    await openAsAppShell(page, paths.library.build())
    for (const summary of dense.index.articles) {
      for (const text of [summary.headline, summary.byline].filter((t): t is string => !!t)) {
        await expect
          .poll(async () => comparable(await pageText(page)), {
            message: `the library shows ${JSON.stringify(text)}`,
          })
          .toContain(comparable(text))
      }
    }
    await expectNothingInjected(page, g, 'the library')
    await poke(page, g, 'the library')
  })

  test('searching a large hostile library for payloads shows results as text', async ({ page }) => {
    const g = await guard(page)
    await serveCorpus(page, prose)
    await openAsAppShell(page, paths.library.build())
    const box = page.getByRole('searchbox')
    // Scroll the whole (virtualised) list once so every card has been rendered at least once.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        window.scrollTo(0, y)
        await new Promise((r) => requestAnimationFrame(() => r(null)))
      }
      window.scrollTo(0, 0)
    })
    await expectNothingInjected(page, g, 'the scrolled library')
    for (const payload of payloads.filter((_, i) => i % 4 === 0)) {
      await box.fill(payload.slice(0, 200))
      await box.press('Enter')
      await expect(page).toHaveURL(/[?&]q=/)
      await expectNothingInjected(page, g, `the library searching ${JSON.stringify(payload)}`)
    }
  })
})

type ParamCase = {
  name: string
  build: (payload: string, ids: { article: string; left: string; right: string }) => string
}

const paramCases: ParamCase[] = [
  { name: 'library ?q=', build: (p) => paths.library.build({ q: p }) },
  { name: 'library ?outlet= and ?speaker=', build: (p) => paths.library.build({ outlet: p, speaker: p }) },
  { name: 'reader ?quote=', build: (p, ids) => paths.article.build(ids.article, { quote: p }) },
  { name: 'reader ?speaker=', build: (p, ids) => paths.article.build(ids.article, { speaker: p }) },
  { name: 'reader ?sel=', build: (p, ids) => paths.article.build(ids.article, { sel: p }) },
  { name: 'reader ?paragraph=', build: (p, ids) => paths.article.build(ids.article, { paragraph: p }) },
  {
    name: 'compare ?link=',
    build: (p, ids) => `${paths.compare.build(ids.left, ids.right)}?link=${encodeURIComponent(p)}`,
  },
  {
    name: 'compare ?filter= and ?pane=',
    build: (p, ids) =>
      `${paths.compare.build(ids.left, ids.right)}?filter=${encodeURIComponent(p)}&pane=${encodeURIComponent(p)}`,
  },
]

test.describe('hostile URL parameters', () => {
  test.describe.configure({ timeout: 120_000 })

  // Every payload goes into one parameter (spread round-robin), on the bundled data as served.
  for (const [k, c] of paramCases.entries()) {
    test(`${c.name}: each payload given is ignored or shown as text, never run`, async ({ page }) => {
      const index = await loadIndex(page.request)
      const story = index.stories.find((s) => s.articleIds.length >= 2)!
      const ids = { article: index.articles[0]!.id, left: story.articleIds[0]!, right: story.articleIds[1]! }
      const g = await guard(page)
      const mine = payloads.filter((_, i) => i % paramCases.length === k)
      expect(mine.length).toBeGreaterThan(5)
      for (const payload of mine) {
        const url = c.build(payload, ids)
        await page.goto(sitePath(url))
        // The page rendered (no blank page): one top-level heading, whatever the state.
        await expect(page.locator('main h1')).toHaveCount(1)
        await expect(page.locator('#root[data-mounted]')).toHaveCount(1)
        await expectNothingInjected(page, g, url)
      }
    })
  }
})
