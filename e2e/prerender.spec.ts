import { expect, test, type Page } from '@playwright/test'
import { throttleCpu } from '../bench/lib/chromium'
import { articleSchema } from '../src/core/schema'
import { paths } from '../src/lib/paths'
import { bundledRoutes, loadIndex, siteBase, sitePath } from './site'

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

function attr(html: string, pattern: RegExp): string | null {
  const match = pattern.exec(html)
  return match
    ? match[1]!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
    : null
}

function metaContent(html: string, key: 'name' | 'property', value: string): string | null {
  return attr(html, new RegExp(`<meta ${key}="${value.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`))
}

/** Sums the page's layout shifts not caused by input, from its first frame on. */
async function recordLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number }
    w.__cls = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number
        hadRecentInput: boolean
      })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return () => page.evaluate(() => (window as unknown as { __cls: number }).__cls)
}

/** Console errors and warnings, uncaught exceptions: what a broken hydration leaves behind. */
function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`${m.type()}: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`)
    }
  })
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`))
  return problems
}

test.describe('prerendered pages', () => {
  test('an article reads in full with JavaScript turned off', async ({ browser, request }) => {
    const index = await loadIndex(request)
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    for (const summary of index.articles) {
      const article = articleSchema.parse(
        await (await request.get(sitePath(paths.data.article(summary.id)))).json(),
      )
      const response = await page.goto(sitePath(paths.article.build(summary.id)))
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(normalise(article.headline))
      // Each block's element (id = block id) holds its text, with the reader's controls (speaker chips,
      // copy-link buttons) between the words; read it without them.
      const shown = await page.evaluate(
        (ids) =>
          ids.map((id) => {
            const element = document.getElementById(id)
            if (!element) return null
            const copy = element.cloneNode(true) as HTMLElement
            copy.querySelectorAll('button, [aria-hidden="true"]').forEach((n) => n.remove())
            return copy.textContent
          }),
        article.paragraphs.map((p) => p.id),
      )
      const mainText = normalise((await page.locator('main').textContent()) ?? '')
      const missing = article.paragraphs
        .filter((p, i) => !normalise(shown[i] ?? mainText).includes(normalise(p.text)))
        .map((p) => p.id)
      expect(missing, `paragraphs missing from ${summary.id} without JavaScript`).toEqual([])
    }
    await context.close()
  })

  test('links on a prerendered page work without JavaScript', async ({ browser, request }) => {
    const index = await loadIndex(request)
    const first = index.articles[0]!
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(sitePath('/'))
    await page.getByRole('link', { name: first.headline }).first().click()
    await expect(page).toHaveURL(new RegExp(`${sitePath(paths.article.build(first.id))}$`))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(first.headline)
    await context.close()
  })

  test('every route has its own title, description, canonical URL and link-preview tags', async ({
    request,
  }) => {
    const index = await loadIndex(request)
    const titles = new Map<string, string>()
    for (const route of bundledRoutes(index)) {
      const response = await request.get(sitePath(route.path))
      expect(response.status(), route.name).toBe(200)
      expect(response.headers()['content-type']).toContain('text/html')
      const html = await response.text()
      const titleTags = html.match(/<title>[^<]*<\/title>/g) ?? []
      expect(titleTags, `${route.name}: one <title>`).toHaveLength(1)
      const title = attr(html, /<title>([^<]*)<\/title>/)!
      expect(title.length, route.name).toBeGreaterThan(3)
      expect(titles.get(title), `${route.name} shares its title with ${titles.get(title)}`).toBeUndefined()
      titles.set(title, route.name)

      const description = metaContent(html, 'name', 'description')
      expect(description?.length ?? 0, `${route.name}: description`).toBeGreaterThan(20)
      expect((html.match(/<meta name="description"/g) ?? []).length, `${route.name}: one description`).toBe(1)

      const canonical = attr(html, /<link rel="canonical" href="([^"]*)"/)
      expect(canonical, `${route.name}: canonical`).not.toBeNull()
      const canonicalUrl = new URL(canonical!)
      expect(canonicalUrl.protocol).toMatch(/^https?:$/)
      expect(canonicalUrl.pathname + canonicalUrl.search).toBe(sitePath(route.path))

      expect(metaContent(html, 'property', 'og:title'), route.name).toBe(title)
      expect(metaContent(html, 'property', 'og:description'), route.name).toBe(description)
      expect(metaContent(html, 'property', 'og:url'), route.name).toBe(canonical)
      expect(metaContent(html, 'property', 'og:type'), route.name).toBe(
        route.kind === 'article' ? 'article' : 'website',
      )
      expect(metaContent(html, 'property', 'og:site_name'), route.name).toBe('Parallax')
      expect(metaContent(html, 'name', 'twitter:card'), route.name).toBe('summary')
      expect(metaContent(html, 'name', 'twitter:title'), route.name).toBe(title)
      expect(metaContent(html, 'name', 'twitter:description'), route.name).toBe(description)

      // The content itself is in the HTML, not only an empty shell.
      expect(html, route.name).toMatch(/<div id="root" data-prerendered="[^"]+"[^>]*><a /)
      expect(html, route.name).toMatch(/<h1[\s>]/)
    }
    for (const article of index.articles) {
      const title = [...titles].find(([, name]) => name === `article ${article.id}`)?.[0]
      expect(title).toContain(article.headline)
    }
  })

  test('an unknown address answers 404 with a page that says so and is kept out of search engines', async ({
    request,
  }) => {
    const response = await request.get(sitePath('/no/such/page'))
    expect(response.status()).toBe(404)
    const html = await response.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('<meta name="robots" content="noindex" />')
    expect(html).not.toContain('rel="canonical"')
    // Still the app: its script boots the router (which shows the not-found view at any address).
    expect(html).toMatch(
      new RegExp(`<script type="module"[^>]* src="${siteBase()}assets/[^"]+\\.js"></script>`),
    )
  })

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    test(`every route hydrates without a warning, an error or a layout shift at ${viewport.width} px`, async ({
      browser,
      request,
    }) => {
      const index = await loadIndex(request)
      for (const route of bundledRoutes(index)) {
        // A fresh context per route: no cached data, so the client really does load before hydrating.
        const context = await browser.newContext({
          viewport,
          isMobile: viewport.width < 600,
          hasTouch: viewport.width < 600,
        })
        const page = await context.newPage()
        const problems = watchConsole(page)
        const cls = await recordLayoutShifts(page)
        await page.goto(sitePath(route.path))
        await expect(page.locator('#root'), route.name).toHaveAttribute('data-mounted', 'hydrated')
        // Let any late re-render (a suspended boundary, an effect) land before measuring.
        await page.evaluate(() => new Promise((r) => setTimeout(r, 300)))
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        // Soft: one route's problem should not hide another's, nor its layout shift.
        expect.soft(problems, route.name).toEqual([])
        expect.soft(await cls(), `${route.name}: CLS`).toBe(0)
        await context.close()
      }
    })
  }

  test('no page paints before the parser has reached its footer, so a half-arrived page is never shown', async ({
    request,
  }) => {
    const index = await loadIndex(request)
    for (const route of [...bundledRoutes(index), { name: 'not found', path: '/no/such/page' }]) {
      const html = await (await request.get(sitePath(route.path))).text()
      const target = /<link rel="expect" href="#([\w-]+)" blocking="render"/.exec(html)?.[1]
      expect(target, `${route.name}: a render-blocking expectation`).toBeTruthy()
      // The element must exist, or the page would only paint once the whole document is parsed.
      expect(html, route.name).toMatch(new RegExp(`<footer id="${target}"`))
    }
  })

  test('a slow phone paints the comparison whole, with no layout shift while the page arrives', async ({
    browser,
    request,
  }) => {
    const index = await loadIndex(request)
    const compare = bundledRoutes(index).find((r) => r.name.startsWith('compare'))!
    // Four loads at 4× CPU, each until hydrated.
    test.slow()
    // A busy CPU makes the parser stop mid-page: a paint then would show half a column that moves
    // when its overview strip arrives. A few loads, as the parser's pauses vary.
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      const cls = await recordLayoutShifts(page)
      await throttleCpu(page, 4)
      await page.goto(sitePath(compare.path))
      await expect(page.locator('#root')).toHaveAttribute('data-mounted', 'hydrated', { timeout: 20_000 })
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      expect(await cls(), `load ${i + 1}`).toBe(0)
      await context.close()
    }
  })

  test('a link with a query renders the client view over the prerendered page without errors', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request)
    const first = index.articles[0]!
    const problems = watchConsole(page)
    await page.goto(sitePath(paths.article.build(first.id, { paragraph: 'p1' })))
    await expect(page.locator('#root')).toHaveAttribute('data-mounted', 'rendered')
    await expect(page.getByRole('heading', { level: 1 })).toContainText(first.headline)
    await expect(page.locator('#root > *').first()).toBeVisible()
    expect(problems).toEqual([])
  })

  test('the browser shows the route title after hydrating', async ({ page, request }) => {
    const index = await loadIndex(request)
    const first = index.articles[0]!
    const html = await (await request.get(sitePath(paths.article.build(first.id)))).text()
    const title = attr(html, /<title>([^<]*)<\/title>/)!
    await page.goto(sitePath(paths.article.build(first.id)))
    await expect(page.locator('#root')).toHaveAttribute('data-mounted', 'hydrated')
    await expect(page).toHaveTitle(title)
    expect(await page.locator('title').count()).toBe(1)
  })
})

test('with JavaScript off, no control that needs it is offered', async ({ browser, request }) => {
  const index = await loadIndex(request)
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  for (const route of bundledRoutes(index)) {
    await page.goto(sitePath(route.path))
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    for (const name of [/theme/i, /^Copy link/, /^Search$/, /^(Previous|Next) (quote|link)/, /^Compare$/]) {
      await expect(page.getByRole('button', { name }), `${route.name}: ${String(name)}`).toHaveCount(0)
    }
    await expect(page.getByRole('switch'), route.name).toHaveCount(0)
  }
  await context.close()
})
