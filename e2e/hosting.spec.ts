import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { paths } from '../src/lib/paths'
import { appMounted, bundledRoutes, loadIndex, settle, siteBase, sitePath } from './site'

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

type Violation = { directive: string; blocked: string; sample: string }

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function recordCspViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: Violation[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample })
    })
  })
  return () => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp)
}

const mounted = appMounted

async function firstAsset(request: APIRequestContext, pattern: RegExp) {
  const html = await (await request.get(sitePath('/'))).text()
  const match = pattern.exec(html)
  if (!match) throw new Error(`no asset matching ${pattern} in index.html`)
  return match[1]!
}

test.describe('hosting with the shipped nginx config', () => {
  test('every response carries the strict security headers', async ({ request }) => {
    const index = await loadIndex(request)
    const script = await firstAsset(request, /<script type="module"[^>]*\ssrc="([^"]+)"/)
    const urls = [
      ...bundledRoutes(index).map((r) => sitePath(r.path)),
      sitePath('/no/such/page'),
      sitePath(paths.data.index()),
      script,
    ]
    for (const url of urls) {
      const headers = (await request.get(url)).headers()
      expect(headers['content-security-policy'], url).toBe(CSP)
      expect(headers['x-content-type-options'], url).toBe('nosniff')
      expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin')
      expect(headers['permissions-policy'], url).toContain('camera=()')
      expect(headers['x-frame-options'], url).toBe('DENY')
      expect(headers['server'], url).toBe('nginx') // no version number
    }
  })

  test('hashed assets are cached for a year; pages and data are revalidated on every visit', async ({
    request,
  }) => {
    const script = await firstAsset(request, /<script type="module"[^>]*\ssrc="([^"]+)"/)
    const style = await firstAsset(request, /<link rel="stylesheet" crossorigin href="([^"]+)"/)
    expect(script).toMatch(new RegExp(`^${siteBase()}assets/.+-[\\w-]{8}\\.js$`))
    for (const asset of [script, style]) {
      expect((await request.get(asset)).headers()['cache-control'], asset).toBe(
        'public, max-age=31536000, immutable',
      )
    }
    const index = await loadIndex(request)
    for (const url of [
      ...bundledRoutes(index).map((r) => sitePath(r.path)),
      sitePath(paths.data.index()),
      sitePath(paths.data.article(index.articles[0]!.id)),
      sitePath('/no/such/page'),
    ]) {
      const response = await request.get(url)
      expect(response.headers()['cache-control'], url).toBe('no-cache')
      expect(response.headers()['etag'] ?? response.headers()['last-modified'], url).toBeTruthy()
    }
  })

  test('text responses are compressed', async ({ request }) => {
    const script = await firstAsset(request, /<script type="module"[^>]*\ssrc="([^"]+)"/)
    for (const url of [script, sitePath('/'), sitePath(paths.data.index())]) {
      const response = await request.get(url, { headers: { 'Accept-Encoding': 'gzip' } })
      expect(response.headers()['content-encoding'], url).toBe('gzip')
      expect(response.headers()['vary'], url).toContain('Accept-Encoding')
    }
  })

  test('every script of the start-up opens with the compile hint, so it is compiled as it downloads', async ({
    request,
  }) => {
    const html = await (await request.get(sitePath('/'))).text()
    const list = /<meta name="parallax:app-chunks" content="([^"]+)"/.exec(html)?.[1]
    expect(list, 'the app-chunks list in index.html').toBeTruthy()
    const files = list!.split(' ')
    expect(files.length).toBeGreaterThan(3)
    for (const file of files) {
      const code = await (await request.get(`${siteBase()}${file}`)).text()
      // Only the very first line counts for V8.
      expect(code.split('\n', 1)[0], file).toBe('//# allFunctionsCalledOnLoad')
    }
  })

  test('no page ships an inline script or inline style', async ({ request }) => {
    const index = await loadIndex(request)
    for (const url of [...bundledRoutes(index).map((r) => sitePath(r.path)), sitePath('/no/such/page')]) {
      const html = await (await request.get(url)).text()
      const scripts = html.match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length, url).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag, url).toMatch(/\ssrc="[^"]+"/)
      expect(html, url).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/)
      expect(html, url).not.toMatch(/<style[\s>]/)
      expect(html, url).not.toMatch(/\sstyle="/)
      expect(html, url).not.toMatch(/\son[a-z]+="/)
    }
  })

  test('the violation recorder catches a violation (so zero below means zero)', async ({ page }) => {
    const violations = await recordCspViolations(page)
    await page.goto(sitePath('/'))
    await mounted(page)
    await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.innerHTML = '<b style="color: red">inline style</b>'
      document.body.append(probe)
    })
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0)
  })

  test('no route or deep link triggers a Content-Security-Policy violation', async ({ page, request }) => {
    const index = await loadIndex(request)
    const violations = await recordCspViolations(page)
    const [left, right] = index.stories[0]?.articleIds ?? []
    const extra = [
      paths.library.build({ q: 'summit' }),
      paths.article.build(index.articles[0]!.id, { paragraph: 'p2' }),
      paths.article.build(index.articles[0]!.id, { quote: 'q1' }),
      ...(left && right ? [paths.compare.build(left, right, { filter: 'differ', link: 'l1' })] : []),
      '/no/such/page',
    ]
    for (const path of [...bundledRoutes(index).map((r) => r.path), ...extra]) {
      await page.goto(sitePath(path))
      await mounted(page)
      // Let lazy chunks, workers and data requests of the view run.
      await settle(page)
      expect(await violations(), path).toEqual([])
    }
  })

  test('client-side navigation and the theme switch stay inside the policy', async ({ page, request }) => {
    const index = await loadIndex(request)
    const violations = await recordCspViolations(page)
    await page.goto(sitePath('/'))
    await mounted(page)
    await page.getByRole('main').getByRole('link', { name: index.articles[0]!.headline }).first().click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(index.articles[0]!.headline)
    const toggle = page.getByRole('button', { name: /dark theme/i })
    if (await toggle.count()) await toggle.first().click()
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`${siteBase()}$`))
    await settle(page)
    expect(await violations()).toEqual([])
  })

  test('deep addresses the build does not know open the app, with a 404 status', async ({ page }) => {
    for (const path of ['/article/no-such-article', '/compare/a/b', '/some/deep/path/', '/article']) {
      const response = await page.goto(sitePath(path))
      expect(response?.status(), path).toBe(404)
      await mounted(page)
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible()
      await expect(page.getByRole('link', { name: /library/i }).first()).toBeVisible()
    }
  })

  test('a prerendered route opens with or without a trailing slash', async ({ page, request }) => {
    const index = await loadIndex(request)
    const article = index.articles[0]!
    for (const path of [paths.article.build(article.id), `${paths.article.build(article.id)}/`]) {
      const response = await page.goto(sitePath(path))
      expect(response?.status(), path).toBe(200)
      await mounted(page)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(article.headline)
    }
  })

  test('a missing script is a plain 404, never the app page served as JavaScript', async ({ request }) => {
    const response = await request.get(sitePath('/assets/route-DOESNOTEXIST.js'))
    expect(response.status()).toBe(404)
    expect(await response.text()).not.toContain('<div id="root"')
    expect(response.headers()['cache-control']).toBeUndefined()
  })

  test('a route chunk removed by a new deploy reloads the page once and opens where the reader was going', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request)
    const article = index.articles[0]!
    await page.goto(sitePath('/'))
    await mounted(page)
    // The old build's chunk is gone: every request for it fails until the page reloads (the reload gets the
    // new build). The preload helper and the import may each ask for it, so count rather than expect one.
    let blocked = 0
    let reloaded = false
    const documents: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() !== 'document') return
      documents.push(new URL(r.url()).pathname)
      reloaded = true
    })
    await page.route(/\/assets\/article-route-[^/]+\.js$/, async (route) => {
      if (reloaded) return route.continue()
      blocked++
      await route.fulfill({ status: 404, body: 'gone' })
    })
    await page.getByRole('main').getByRole('link', { name: article.headline }).first().click()
    await expect(page).toHaveURL(new RegExp(`${sitePath(paths.article.build(article.id))}$`))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(article.headline)
    await mounted(page)
    expect(blocked).toBeGreaterThanOrEqual(1)
    expect(documents).toEqual([sitePath(paths.article.build(article.id))])
    await expect(page.getByText('This page could not be shown')).toHaveCount(0)
  })

  test('when the app cannot load at all, the article stays readable and says so, with a way to reload', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request)
    const article = index.articles[0]!
    const documents: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname)
    })
    await page.route(/\/assets\/main-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }))
    await page.goto(sitePath(paths.article.build(article.id)))
    const alert = page.getByRole('alert').filter({ hasText: 'could not load its scripts' })
    await expect(alert).toBeVisible()
    await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible()
    // One automatic reload (it might have been a deploy), then no loop.
    expect(documents).toHaveLength(2)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(article.headline)
    await expect(page.locator('#root')).not.toHaveAttribute('data-mounted', /.*/)
  })

  test('an unknown address says "Page not found" without JavaScript, when the app fails, and if its script never arrives', async ({
    browser,
    page,
  }) => {
    const heading = (p: Page) => p.getByRole('heading', { level: 1, name: 'Page not found' })
    // Without JavaScript the shell's own page shows at once.
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    const plain = await noScript.newPage()
    await plain.goto(sitePath('/no/such/page'))
    await expect(heading(plain)).toBeVisible({ timeout: 1000 })
    await noScript.close()
    // The app failing to start shows it with the notice.
    await page.route(/\/assets\/main-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }))
    await page.goto(sitePath('/no/such/page'))
    await expect(page.getByRole('alert').filter({ hasText: 'could not load its scripts' })).toBeVisible()
    await expect(heading(page)).toBeVisible()
    // The boot script itself never arriving: shown after a few seconds all the same.
    const stalled = await browser.newContext()
    const waiting = await stalled.newPage()
    await waiting.route(/\/assets\/index-[^/]+\.js$/, () => {})
    await waiting.goto(sitePath('/no/such/page'), { waitUntil: 'commit' })
    // The page is there (its footer shows), its not-found text is not yet.
    await expect(waiting.locator('#site-footer')).toBeVisible()
    await expect(waiting.locator('#not-found-title')).toHaveCount(1)
    await expect(heading(waiting)).toBeHidden()
    await expect(heading(waiting)).toBeVisible({ timeout: 8000 })
    await stalled.close()
  })

  test('a chunk that stays missing ends in the error view, not a reload loop', async ({ page, request }) => {
    const index = await loadIndex(request)
    const article = index.articles[0]!
    await page.goto(sitePath('/'))
    await mounted(page)
    await page.route(/\/assets\/article-route-[^/]+\.js$/, (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    )
    let documents = 0
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents++
    })
    await page.getByRole('main').getByRole('link', { name: article.headline }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: 'This page could not be shown' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    await page.waitForTimeout(500)
    expect(documents).toBe(1)
  })

  test('the app never requests anything outside its base', async ({ page, request }) => {
    const index = await loadIndex(request)
    const base = siteBase()
    const outside: string[] = []
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.protocol === 'data:' || url.protocol === 'blob:') return
      if (!url.pathname.startsWith(base)) outside.push(url.pathname)
    })
    page.on('response', (r) => {
      if (r.status() >= 300 && r.status() < 400) outside.push(`redirect: ${r.url()}`)
    })
    await page.goto(sitePath('/'))
    await mounted(page)
    const article = index.articles[0]!
    await page.getByRole('main').getByRole('link', { name: article.headline }).first().click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(article.headline)
    const [left, right] = index.stories[0]?.articleIds ?? []
    if (left && right) {
      await page.goto(sitePath(paths.compare.build(left, right)))
      await mounted(page)
    }
    await page.goto(sitePath('/no/such/page'))
    await mounted(page)
    await page
      .getByRole('link', { name: /library/i })
      .first()
      .click()
    await expect(page).toHaveURL(new RegExp(`${base}$`))
    await settle(page)
    expect(outside).toEqual([])
  })
})
