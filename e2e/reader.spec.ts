import type { Page } from '@playwright/test'
import { articleSchema, type Article } from '../src/core/schema'
import { paths } from '../src/lib/paths'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { loadIndex, sitePath } from './site'

/** The reader against the production build: quotes, speakers, navigation, deep links, errors. */

async function loadArticles(page: Page): Promise<Article[]> {
  const index = await loadIndex(page.request)
  return Promise.all(
    index.articles.map(async (a) => {
      const response = await page.request.get(sitePath(paths.data.article(a.id)))
      return articleSchema.parse(await response.json())
    }),
  )
}

/** The article that quotes the most people (the Nikkei Asia report among the seeds). */
async function richestArticle(page: Page): Promise<Article> {
  const articles = await loadArticles(page)
  return [...articles].sort(
    (a, b) => b.speakers.length - a.speakers.length || b.quotes.length - a.quotes.length,
  )[0]!
}

/** Opens a reader page and waits until it is interactive (prerendered pages hydrate after they show). */
async function openReader(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await expect(page.locator('.reader[data-ready="true"]')).toBeVisible()
}

const mark = (page: Page, id: string) => page.locator(`mark#${id}`)
const label = (page: Page, id: string) => page.locator(`[data-chip-for="${id}"]`)

/** A mark's text without the labels of quotes nested inside it. */
function markText(page: Page, id: string): Promise<string> {
  return mark(page, id).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.quote-chip-wrap').forEach((n) => n.remove())
    return copy.textContent ?? ''
  })
}

function blockText(article: Article, blockId: string): string {
  if (blockId === 'headline') return article.headline
  if (blockId === 'deck') return article.deck ?? ''
  return article.paragraphs.find((p) => p.id === blockId)?.text ?? ''
}

test('every quote in the built data is highlighted with its exact words and its speaker named', async ({
  page,
}) => {
  const articles = await loadArticles(page)
  const total = articles.reduce((n, a) => n + a.quotes.length, 0)
  expect(total, 'the seed articles contain direct quotations').toBeGreaterThan(0)
  for (const article of articles) {
    await openReader(page, paths.article.build(article.id))
    await expect(page.locator('mark.quote')).toHaveCount(article.quotes.length)
    const names = new Map(article.speakers.map((s) => [s.id, s.name]))
    for (const q of article.quotes) {
      expect(await markText(page, q.id), `${article.id} ${q.id}`).toBe(
        blockText(article, q.paragraphId).slice(q.start, q.end),
      )
      const name = (q.speakerId && names.get(q.speakerId)) || 'Unknown speaker'
      await expect(label(page, q.id)).toHaveText(name)
      await expect(label(page, q.id)).toHaveAccessibleName(new RegExp(`^${name}`))
    }
  }
})

test('hand-checked attributions: Trump would "respectfully leave", Abe wants "no reward", Smith sees a "win"', async ({
  page,
}) => {
  const articles = await loadArticles(page)
  const expectations: Array<[RegExp, string]> = [
    [/respectfully leave/, 'Donald Trump'],
    [/there should be no reward for just engaging in dialogue/, 'Shinzo Abe'],
    [/Prime Minister Abe can go home with a win/, 'Sheila Smith'],
    [/We've never been in a position like this/, 'Donald Trump'],
  ]
  let found = 0
  for (const article of articles) {
    await openReader(page, paths.article.build(article.id))
    for (const [words, speaker] of expectations) {
      const marks = page.locator('mark.quote').filter({ hasText: words })
      for (const id of await marks.evaluateAll((els) => els.map((e) => e.id))) {
        // The innermost mark holding the words is the quote itself.
        if ((await mark(page, id).locator('mark.quote').filter({ hasText: words }).count()) > 0) continue
        await expect(label(page, id), `${article.id}: “${words.source}”`).toHaveText(speaker)
        found++
      }
    }
  }
  // "respectfully leave" is in both articles; the three others in the Nikkei Asia report.
  expect(found).toBe(5)
})

test('shows who said a quote on hover and on keyboard focus, and details with actions on click', async ({
  page,
}) => {
  const article = await richestArticle(page)
  const q = article.quotes.find((x) => x.paragraphId.startsWith('p') && x.speakerId)!
  const speaker = article.speakers.find((s) => s.id === q.speakerId)!
  await openReader(page, paths.article.build(article.id))
  const details = page.locator(`#${q.id}-details`)
  await mark(page, q.id).hover()
  await expect(details).toBeVisible()
  await expect(details).toContainText(speaker.name)
  await page.mouse.move(0, 0)
  await expect(details).toBeHidden()
  // Keyboard: focus the quote, then Tab to its label.
  await mark(page, q.id).focus()
  await page.keyboard.press('Tab')
  await expect(label(page, q.id)).toBeFocused()
  await expect(details).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(label(page, q.id)).toHaveAttribute('aria-expanded', 'true')
  await expect(details.getByRole('button', { name: 'Copy link to this quote' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(details.getByRole('link', { name: `Only ${speaker.name}` })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(details).toBeHidden()
  await expect(label(page, q.id)).toBeFocused()
})

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } })

  test('a tap on a speaker label opens the details, a tap elsewhere closes them', async ({ page }) => {
    const article = await richestArticle(page)
    const q = article.quotes.find((x) => x.paragraphId.startsWith('p'))!
    await openReader(page, paths.article.build(article.id))
    await label(page, q.id).scrollIntoViewIfNeeded()
    await label(page, q.id).tap()
    const details = page.locator(`#${q.id}-details`)
    await expect(details.getByRole('button', { name: 'Copy link to this quote' })).toBeVisible()
    const box = (await details.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(375)
    await page.getByRole('heading', { level: 1 }).tap()
    await expect(details).toBeHidden()
  })
})

test('the speaker panel focuses one person’s quotes, dims the rest, and the URL keeps it', async ({
  page,
}) => {
  const article = await richestArticle(page)
  const counts = new Map<string, number>()
  for (const q of article.quotes) if (q.speakerId) counts.set(q.speakerId, (counts.get(q.speakerId) ?? 0) + 1)
  const chosen = article.speakers.find((s) => counts.has(s.id) && counts.get(s.id)! < article.quotes.length)!
  await openReader(page, paths.article.build(article.id))
  const panel = page.getByRole('list', { name: 'People quoted' })
  for (const s of article.speakers.filter((x) => counts.has(x.id))) {
    const n = counts.get(s.id)!
    await expect(panel.getByRole('button', { name: new RegExp(`^${s.name}`) })).toContainText(
      `${n} ${n === 1 ? 'quote' : 'quotes'}`,
    )
  }
  await panel.getByRole('button', { name: new RegExp(`^${chosen.name}`) }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]speaker=${chosen.id}`))
  for (const q of article.quotes) {
    if (q.speakerId === chosen.id) await expect(mark(page, q.id)).not.toHaveClass(/is-dimmed/)
    else await expect(mark(page, q.id)).toHaveClass(/is-dimmed/)
  }
  await expect(page.getByRole('list', { name: `Quotes by ${chosen.name}` }).getByRole('link')).toHaveCount(
    counts.get(chosen.id)!,
  )
  await page.reload()
  await expect(
    page
      .getByRole('list', { name: 'People quoted' })
      .getByRole('button', { name: new RegExp(`^${chosen.name}`) }),
  ).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('button', { name: 'Show all speakers' }).click()
  await expect(page).not.toHaveURL(/speaker=/)
  await expect(page.locator('mark.quote.is-dimmed')).toHaveCount(0)
})

test('next and previous quote work from the keyboard (j/k) and from the buttons', async ({ page }) => {
  const article = await richestArticle(page)
  await openReader(page, paths.article.build(article.id))
  const order = await page.locator('mark.quote').evaluateAll((els) => els.map((e) => e.id))
  const status = page.getByRole('navigation', { name: 'Quotes' }).getByRole('status')
  await page.keyboard.press('j')
  await expect(mark(page, order[0]!)).toBeFocused()
  await expect(mark(page, order[0]!)).toBeInViewport()
  await expect(status).toHaveText(new RegExp(`^Quote 1 of ${order.length}: `))
  await page.keyboard.press('j')
  await expect(mark(page, order[1]!)).toBeFocused()
  await page.keyboard.press('k')
  await page.keyboard.press('k')
  await expect(mark(page, order.at(-1)!)).toBeFocused()
  await expect(mark(page, order.at(-1)!)).toBeInViewport()
  await page.getByRole('button', { name: 'Next quote' }).click()
  await expect(mark(page, order[0]!)).toBeFocused()
  await page.getByRole('button', { name: 'Previous quote' }).click()
  await expect(mark(page, order.at(-1)!)).toBeFocused()
})

test('highlights can be turned off for plain reading', async ({ page }) => {
  const article = await richestArticle(page)
  const q = article.quotes[0]!
  await openReader(page, paths.article.build(article.id))
  const before = await mark(page, q.id).evaluate((el) => getComputedStyle(el).backgroundColor)
  await page.getByRole('switch', { name: 'Highlight quotes' }).uncheck()
  const after = await mark(page, q.id).evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(after).not.toBe(before)
  expect(after).toBe('rgba(0, 0, 0, 0)')
  await expect(label(page, q.id)).toBeHidden()
})

test.describe('deep links', () => {
  test('a quote link opens the article with that quote in view, highlighted and focused', async ({
    page,
  }) => {
    const article = await richestArticle(page)
    const q = article.quotes.at(-1)!
    await openReader(page, paths.article.build(article.id, { quote: q.id }))
    await expect(mark(page, q.id)).toBeFocused()
    await expect(mark(page, q.id)).toBeInViewport()
    await expect(mark(page, q.id)).toHaveClass(/is-target/)
  })

  test('a quote link opened in a tab that already showed the article still lands on the quote', async ({
    page,
  }) => {
    const article = await richestArticle(page)
    const q = article.quotes.at(-1)!
    await openReader(page, paths.article.build(article.id))
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await openReader(page, paths.article.build(article.id, { quote: q.id }))
    await expect(mark(page, q.id)).toBeFocused()
    await expect(mark(page, q.id)).toBeInViewport()
  })

  test('a paragraph link opens the article at that paragraph', async ({ page }) => {
    const article = await richestArticle(page)
    const p = article.paragraphs.at(-2)!
    await openReader(page, paths.article.build(article.id, { paragraph: p.id }))
    const el = page.locator(`p#${p.id}`)
    await expect(el).toBeFocused()
    await expect(el).toBeInViewport()
    await expect(el).toHaveClass(/is-target/)
  })

  test('a link to a quote that is not there says so instead of failing silently', async ({ page }) => {
    const article = await richestArticle(page)
    await openReader(page, paths.article.build(article.id, { quote: 'q999' }))
    await expect(
      page.getByText('The quote this link points to is not in this article (any more).'),
    ).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })

  test('“Copy link” on a quote copies a link that opens on that quote in a fresh browser', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const article = await richestArticle(page)
    const q = article.quotes.find((x) => x.paragraphId.startsWith('p'))!
    await openReader(page, paths.article.build(article.id))
    await label(page, q.id).click()
    await page.locator(`#${q.id}-details`).getByRole('button', { name: 'Copy link to this quote' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Link to the quote copied' })).toBeVisible()
    const url = await page.evaluate(() => navigator.clipboard.readText())
    expect(url).toBe(new URL(sitePath(paths.article.build(article.id, { quote: q.id })), baseURL).href)
    const fresh = await browser.newContext()
    const other = await fresh.newPage()
    await other.goto(url)
    await expect(other.locator('.reader[data-ready="true"]')).toBeVisible()
    await expect(mark(other, q.id)).toBeFocused()
    await expect(mark(other, q.id)).toBeInViewport()
    await fresh.close()
  })

  test('every paragraph has its own “Copy link”, and the page has one too', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const article = await richestArticle(page)
    await openReader(page, paths.article.build(article.id))
    await expect(page.getByRole('button', { name: /^Copy link to paragraph \d+$/ })).toHaveCount(
      article.paragraphs.length,
    )
    const p = article.paragraphs[2]!
    await page.locator(`p#${p.id}`).hover()
    await page.getByRole('button', { name: `Copy link to paragraph ${p.id.slice(1)}` }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      new URL(sitePath(paths.article.build(article.id, { paragraph: p.id })), baseURL).href,
    )
    await page.getByRole('button', { name: 'Copy link to this article' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Link to the article copied' })).toBeVisible()
  })
})

test('the original is linked only over http(s), in a new tab without opener', async ({ page }) => {
  const articles = await loadArticles(page)
  for (const article of articles) {
    await openReader(page, paths.article.build(article.id))
    const original = page.getByRole('link', { name: /^Original .*\(opens in new tab\)$/ })
    if (!article.sourceUrl) {
      await expect(original).toHaveCount(0)
      continue
    }
    await expect(original).toHaveAttribute('href', article.sourceUrl)
    await expect(original).toHaveAttribute('target', '_blank')
    await expect(original).toHaveAttribute('rel', 'noopener noreferrer')
  }
})

test('article text sets 60 to 75 characters a line on a desktop screen', async ({ page }) => {
  const article = await richestArticle(page)
  await page.setViewportSize({ width: 1280, height: 900 })
  await openReader(page, paths.article.build(article.id))
  const quoted = new Set(article.quotes.map((q) => q.paragraphId))
  const plain = article.paragraphs
    .filter((p) => !quoted.has(p.id))
    .sort((a, b) => b.text.length - a.text.length)[0]!
  const perLine = await page.locator(`p#${plain.id}`).evaluate((el) => {
    const range = document.createRange()
    const text = el.firstChild!
    range.selectNodeContents(text)
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    return (text.textContent ?? '').length / lines
  })
  // The last line is short, so the average understates full lines a little.
  expect(perLine).toBeGreaterThanOrEqual(55)
  expect(perLine).toBeLessThanOrEqual(75)
})

test('prints the article alone, with quotes underlined and speakers named in brackets', async ({ page }) => {
  const article = await richestArticle(page)
  const q = article.quotes.find((x) => x.paragraphId.startsWith('p'))!
  await openReader(page, paths.article.build(article.id))
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('region', { name: 'Quotes in this article' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Quotes' })).toBeHidden()
  expect(await mark(page, q.id).evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline')
  await expect(label(page, q.id)).toBeVisible()
  expect(await label(page, q.id).evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"["')
})

test.describe('missing and broken data', () => {
  test.use({ allowedConsoleErrors: [/status of 500/] })

  test('an unknown article id shows the not-found page, and the rest of the app works', async ({ page }) => {
    await page.goto(paths.article.build('no-such-article'))
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expect(page).toHaveTitle(/^Page not found/)
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Library' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  })

  const breakages: Array<[string, (body: string) => { status: number; body: string }, RegExp]> = [
    ['the server fails', () => ({ status: 500, body: 'Internal error' }), /server answered 500/],
    [
      'the file is cut short',
      (body) => ({ status: 200, body: body.slice(0, Math.floor(body.length / 2)) }),
      /damaged \(not valid JSON\)/,
    ],
    [
      'the file has the wrong shape',
      () => ({ status: 200, body: JSON.stringify({ schemaVersion: 1, id: 'x' }) }),
      /does not match the expected format/,
    ],
  ]
  for (const [what, breakIt, message] of breakages) {
    test(`when ${what}, a clear error offers "Try again", which recovers`, async ({ page }) => {
      const index = await loadIndex(page.request)
      const target = index.articles[0]!
      let broken = true
      await page.route(`**/${paths.data.article(target.id)}`, async (route) => {
        if (!broken) return route.continue()
        const real = await route.fetch()
        const { status, body } = breakIt(await real.text())
        await route.fulfill({ status, body, contentType: 'application/json' })
      })
      await page.goto(paths.library.build())
      await page.getByRole('link', { name: target.headline, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/could not be (loaded|shown)/)
      await expect(page.getByRole('alert')).toHaveText(message)
      // The header still works while the page is in error.
      await expect(
        page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Library' }),
      ).toBeVisible()
      broken = false
      await page.getByRole('button', { name: 'Try again' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toContainText(target.headline.slice(0, 12))
      await expect(page.locator('mark.quote').first()).toBeVisible()
    })
  }

  test('a shared link to an article whose data fails shows the error, and "Try again" recovers', async ({
    page,
  }) => {
    const index = await loadIndex(page.request)
    const target = index.articles[0]!
    await page.route(`**/${paths.data.article(target.id)}`, (route) =>
      route.fulfill({ status: 500, body: '' }),
    )
    await page.goto(paths.article.build(target.id))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded')
    await page.unroute(`**/${paths.data.article(target.id)}`)
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(target.headline.slice(0, 12))
  })

  test('an error page leaves the library one click away', async ({ page }) => {
    const index = await loadIndex(page.request)
    const target = index.articles[0]!
    await page.route(`**/${paths.data.article(target.id)}`, (route) =>
      route.fulfill({ status: 500, body: '' }),
    )
    await page.goto(paths.library.build())
    await page.getByRole('link', { name: target.headline, exact: true }).click()
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to the library' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  })
})

/** Clicks at the middle of an element as a person would: no scrolling first (Playwright's own click scrolls
 * a sticky element's static place into view, which a person's click never does). */
async function clickInPlace(page: Page, name: string): Promise<void> {
  const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

const outlineOf = (page: Page, id: string) =>
  mark(page, id).evaluate((el) => getComputedStyle(el).outlineStyle)

test.describe('the current quote', () => {
  test('from the top of the page, Next goes to the first quote (the headline’s too), visibly marked', async ({
    page,
  }) => {
    const article = await richestArticle(page)
    await openReader(page, paths.article.build(article.id))
    const order = await page.locator('mark.quote').evaluateAll((els) => els.map((e) => e.id))
    await clickInPlace(page, 'Next quote')
    await expect(mark(page, order[0]!)).toBeFocused()
    await expect(mark(page, order[0]!)).toHaveClass(/is-current/)
    expect(await outlineOf(page, order[0]!)).toBe('solid')
    await clickInPlace(page, 'Next quote')
    await expect(mark(page, order[1]!)).toHaveClass(/is-current/)
    expect(await outlineOf(page, order[1]!)).toBe('solid')
    expect(await outlineOf(page, order[0]!)).toBe('none')
  })

  test('after a reader clicks a quote, it is marked and Next continues from it', async ({ page }) => {
    const article = await richestArticle(page)
    await openReader(page, paths.article.build(article.id))
    const order = await page.locator('mark.quote').evaluateAll((els) => els.map((e) => e.id))
    const at = Math.min(3, order.length - 2)
    // On the quote's first line of words, as a reader would click it.
    await mark(page, order[at]!).scrollIntoViewIfNeeded()
    const rect = await mark(page, order[at]!).evaluate((el) => {
      const r = el.getClientRects()[0]!
      return { x: r.left + Math.min(8, r.width / 2), y: r.top + r.height / 2 }
    })
    await page.mouse.click(rect.x, rect.y)
    await expect(mark(page, order[at]!)).toHaveClass(/is-current/)
    await clickInPlace(page, 'Next quote')
    await expect(mark(page, order[at + 1]!)).toBeFocused()
    expect(await outlineOf(page, order[at + 1]!)).toBe('solid')
    await expect(page.getByRole('navigation', { name: 'Quotes' }).getByRole('status')).toHaveText(
      new RegExp(`^Quote ${at + 2} of ${order.length}`),
    )
  })

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } })

    test('a tap on Next marks the quote it moves to', async ({ page }) => {
      const article = await richestArticle(page)
      await openReader(page, paths.article.build(article.id))
      const first = await page.locator('mark.quote').first().getAttribute('id')
      const box = (await page.getByRole('button', { name: 'Next quote' }).boundingBox())!
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
      await expect(mark(page, first!)).toHaveClass(/is-current/)
      await expect(mark(page, first!)).toBeInViewport()
      expect(await outlineOf(page, first!)).toBe('solid')
    })
  })
})

test('choosing a person moves to and marks their first quote, and counts from it', async ({ page }) => {
  const article = await richestArticle(page)
  const counts = new Map<string, number>()
  for (const q of article.quotes) if (q.speakerId) counts.set(q.speakerId, (counts.get(q.speakerId) ?? 0) + 1)
  const chosen = article.speakers.find((s) => (counts.get(s.id) ?? 0) >= 2) ?? article.speakers[0]!
  await openReader(page, paths.article.build(article.id))
  const order = await page.locator('mark.quote').evaluateAll((els) => els.map((e) => e.id))
  const byChosen = order.filter((id) => article.quotes.find((q) => q.id === id)?.speakerId === chosen.id)
  // Move past the chosen person's quotes first: the count must restart, not keep an old position.
  await page.keyboard.press('k')
  const button = page
    .getByRole('list', { name: 'People quoted' })
    .getByRole('button', { name: new RegExp(`^${chosen.name}`) })
  await button.click()
  await expect(mark(page, byChosen[0]!)).toHaveClass(/is-current/)
  await expect(mark(page, byChosen[0]!)).toBeInViewport()
  await expect(page.getByRole('navigation', { name: 'Quotes' }).getByRole('status')).toHaveText(
    `Quote 1 of ${byChosen.length} by ${chosen.name}`,
  )
  // The number of quotes sits on the name's line.
  const name = (await button.locator('.speaker-name').boundingBox())!
  const count = (await button.locator('.speaker-count').boundingBox())!
  expect(count.y).toBeLessThan(name.y + name.height)
  expect(count.y + count.height).toBeGreaterThan(name.y)
})

/** CIELAB of a computed `rgb(r, g, b)` colour. */
function lab(css: string): [number, number, number] {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)]
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
}

test('a linked paragraph is marked in a colour no speaker’s quotes have', async ({ page }) => {
  const article = await richestArticle(page)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const p = article.paragraphs.find((x) => article.quotes.some((q) => q.paragraphId === x.id))!
    await openReader(page, paths.article.build(article.id, { paragraph: p.id }))
    const target = await page.locator(`p#${p.id}`).evaluate((el) => getComputedStyle(el).backgroundColor)
    const quoteColours = await page
      .locator('mark.quote')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor))
    expect(quoteColours.length).toBeGreaterThan(0)
    // Plainly another colour (CIE76 ΔE ≥ 10), not a near-twin of a speaker's highlight.
    for (const colour of new Set(quoteColours))
      expect(deltaE(target, colour), `${scheme}: ${target} vs ${colour}`).toBeGreaterThanOrEqual(10)
  }
})

test('the reader offers the story’s other articles, each a click from a side-by-side comparison', async ({
  page,
}) => {
  const index = await loadIndex(page.request)
  const story = index.stories.find((s) => s.articleIds.length > 1)!
  const [here, other] = story.articleIds as [string, string]
  const otherSummary = index.articles.find((a) => a.id === other)!
  await openReader(page, paths.article.build(here))
  const section = page.getByRole('region', { name: 'Other coverage of this story' })
  await expect(section.getByRole('link', { name: otherSummary.headline })).toBeVisible()
  await section
    .getByRole('link', { name: /^Compare side by side/ })
    .first()
    .click()
  await expect(page).toHaveURL(new RegExp(`/compare/${here}/${other}$`))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test.describe('cite and export', () => {
  test('copies a quote with its speaker, outlet, headline, date and a link back to it', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const article = await richestArticle(page)
    const q = article.quotes.find((x) => x.paragraphId.startsWith('p') && x.speakerId)!
    const speaker = article.speakers.find((s) => s.id === q.speakerId)!
    await openReader(page, paths.article.build(article.id))
    await label(page, q.id).click()
    await page.locator(`#${q.id}-details`).getByRole('button', { name: 'Copy with citation' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Quote and citation copied' })).toBeVisible()
    const text = await page.evaluate(() => navigator.clipboard.readText())
    expect(text).toContain(`” — ${speaker.name}`)
    expect(text).toContain(`“${article.headline.trim().replace(/\s+/g, ' ')}”`)
    if (article.outlet) expect(text).toContain(article.outlet)
    const url = new URL(text.slice(text.lastIndexOf(' ') + 1))
    expect(url.searchParams.get('quote')).toBe(q.id)
  })

  test('downloads the quotes as a CSV file a spreadsheet opens cleanly', async ({ page }) => {
    const article = await richestArticle(page)
    await openReader(page, paths.article.build(article.id))
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download quotes (CSV)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`${article.id}-quotes.csv`)
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const bytes = Buffer.concat(chunks)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toBe('Quote,Speaker,Role,Kind,Where,Outlet,Headline,Published,Link')
    expect(lines.filter((l) => l !== '')).toHaveLength(article.quotes.length + 1)
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`the reader with a quote's details open passes axe (${scheme})`, async ({ page }) => {
      test.setTimeout(90_000)
      const article = await richestArticle(page)
      const q = article.quotes.find((x) => x.paragraphId.startsWith('p') && x.speakerId)!
      await page.emulateMedia({ colorScheme: scheme })
      await openReader(page, paths.article.build(article.id, { paragraph: q.paragraphId }))
      await label(page, q.id).click()
      await expect(
        page.locator(`#${q.id}-details`).getByRole('button', { name: 'Copy with citation' }),
      ).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }
})
