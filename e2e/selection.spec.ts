import type { Browser, Page } from '@playwright/test'
import * as v from 'valibot'
import { createSelector, decodeSelector, encodeSelector } from '../src/core/selectors'
import { articleSchema, type Article } from '../src/core/schema'
import { paths } from '../src/lib/paths'
import { expect, expectNoAxeViolations, test, watchPageErrors } from './fixtures'
import { loadIndex, sitePath } from './site'

/**
 * Links to any passage a reader selects (`?sel=`): select with the mouse, copy the link, open it in a
 * browser that has never seen the page; the same after the paragraph was edited a little; and a
 * passage that is gone.
 */

async function firstArticle(page: Page): Promise<Article> {
  const index = await loadIndex(page.request)
  const id = index.articles[0]!.id
  const response = await page.request.get(sitePath(paths.data.article(id)))
  return articleSchema.parse(await response.json())
}

async function openReader(page: Page, path: string): Promise<void> {
  await page.goto(sitePath(path))
  await expect(page.locator('.reader[data-ready="true"]')).toBeVisible()
}

/**
 * Drags the mouse over about 30 characters of the article's own words (a run of text without labels) in
 * the longest paragraph, and returns which paragraph it was.
 */
async function selectWithMouse(page: Page): Promise<string> {
  const target = await page.evaluate(() => {
    let best: { node: Text; id: string } | null = null
    for (const container of document.querySelectorAll('[data-passage-text]')) {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text
        if (t.parentElement?.closest('[data-reader-extra]')) continue
        if (!best || t.length > best.node.length)
          best = { node: t, id: container.getAttribute('data-passage-text')! }
      }
    }
    if (!best) throw new Error('no text to select')
    best.node.parentElement!.scrollIntoView({ block: 'center' })
    const text = best.node.data
    const from = text.indexOf(' ') + 1
    const to = text.indexOf(' ', from + 25)
    const rectOf = (i: number) => {
      const r = document.createRange()
      r.setStart(best.node, i)
      r.setEnd(best.node, i + 1)
      return r.getClientRects()[0]!
    }
    const a = rectOf(from)
    const b = rectOf((to === -1 ? text.length : to) - 1)
    return {
      id: best.id,
      x1: a.left + 1,
      y1: a.top + a.height / 2,
      x2: b.right - 1,
      y2: b.top + b.height / 2,
    }
  })
  await page.mouse.move(target.x1, target.y1)
  await page.mouse.down()
  await page.mouse.move((target.x1 + target.x2) / 2, target.y2, { steps: 5 })
  await page.mouse.move(target.x2, target.y2, { steps: 5 })
  await page.mouse.up()
  return target.id
}

async function openFresh(browser: Browser, url: string, edit?: (a: Article) => Article) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
  const page = await context.newPage()
  const check = watchPageErrors(page)
  if (edit) {
    await page.route('**/data/**', async (route) => {
      const response = await route.fetch()
      const parsed = v.safeParse(articleSchema, await response.json().catch(() => null))
      if (!parsed.success) return route.fulfill({ response })
      return route.fulfill({ response, json: edit(parsed.output) })
    })
  }
  await page.goto(url)
  await expect(page.locator('.reader[data-ready="true"]')).toBeVisible()
  return { page, context, check }
}

test.describe('links to a selected passage', () => {
  test('selecting words offers a link that opens them, highlighted and in view, in a fresh browser', async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const article = await firstArticle(page)
    await openReader(page, paths.article.build(article.id))
    const paragraphId = await selectWithMouse(page)
    const selected = (await page.evaluate(() => document.getSelection()?.toString() ?? '')).trim()
    expect(selected.length).toBeGreaterThan(20)

    const button = page.getByRole('button', { name: 'Copy link to selection' })
    await expect(button).toBeVisible()
    const box = (await button.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(24)
    await button.click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Link to the selected passage copied' }),
    ).toBeVisible()
    const url = await page.evaluate(() => navigator.clipboard.readText())
    const decoded = decodeSelector(new URL(url).searchParams.get('sel'))
    expect(decoded.ok && decoded.selector.paragraphId).toBe(paragraphId)
    expect(decoded.ok && decoded.selector.exact).toBe(selected)

    const fresh = await openFresh(browser, url)
    const marks = fresh.page.locator(`p#${paragraphId} mark.passage`)
    await expect(marks.first()).toBeInViewport()
    expect((await marks.allTextContents()).join('')).toBe(selected)
    await expect(fresh.page.locator(`p#${paragraphId}`)).toBeFocused()
    await expect(fresh.page.getByText(/changed slightly|no longer in the article/)).toHaveCount(0)
    fresh.check()
    await fresh.context.close()
  })

  test('a link still opens its passage after the paragraph was edited a little, and says so', async ({
    page,
    browser,
    baseURL,
  }) => {
    const article = await firstArticle(page)
    const p = [...article.paragraphs].sort((a, b) => b.text.length - a.text.length)[0]!
    const start = Math.floor(p.text.length / 3)
    const selector = createSelector(p.text, start, start + 60, p.id)!
    const url = new URL(sitePath(paths.article.build(article.id, { sel: encodeSelector(selector) })), baseURL)
      .href
    // One character of the passage changed, and a word added before it (the offsets move too).
    const middle = selector.start + 30
    const changed = p.text.slice(0, middle) + (p.text[middle] === 'x' ? 'y' : 'x') + p.text.slice(middle + 1)
    const edit = (a: Article): Article =>
      a.id !== article.id
        ? a
        : {
            ...a,
            quotes: a.quotes.filter((q) => q.paragraphId !== p.id),
            paragraphs: a.paragraphs.map((x) => (x.id === p.id ? { ...x, text: `Updated: ${changed}` } : x)),
          }

    const fresh = await openFresh(browser, url, edit)
    const marks = fresh.page.locator(`p#${p.id} mark.passage`)
    await expect(marks.first()).toBeInViewport()
    expect((await marks.allTextContents()).join('').length).toBeGreaterThan(50)
    await expect(
      fresh.page.locator(`p#${p.id}`).getByText('This passage has changed slightly since the link was made.'),
    ).toBeVisible()
    fresh.check()
    await fresh.context.close()
  })

  test('a link to a passage that is gone says so and still shows the article', async ({ page }) => {
    const article = await firstArticle(page)
    const gone = encodeSelector(createSelector('Zebras quietly annexed the moon on Tuesday.', 0, 43, 'p1')!)
    await openReader(page, paths.article.build(article.id, { sel: gone }))
    await expect(
      page.getByRole('status').filter({ hasText: 'This passage is no longer in the article.' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline)
    await expect(page.locator('mark.passage')).toHaveCount(0)
  })
})

test.describe('a selection across paragraphs', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    test(`says what its link leaves out, and covers neither the quote bar nor the footer (${viewport.width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport)
      const article = await firstArticle(page)
      await openReader(page, paths.article.build(article.id))
      const first = article.paragraphs.at(-3)!
      const second = article.paragraphs.at(-2)!
      // Drag from a word in one paragraph into the next one.
      const points = await page.evaluate(
        ({ a, b }) => {
          const textOf = (id: string) => document.querySelector(`#${id} [data-passage-text]`)!
          const at = (id: string, fraction: number) => {
            // The paragraph's longest run of its own words (not a speaker label).
            const walker = document.createTreeWalker(textOf(id), NodeFilter.SHOW_TEXT)
            let node: Text | null = null
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.parentElement?.closest('[data-reader-extra]')) continue
              if (!node || (n as Text).length > node.length) node = n as Text
            }
            if (!node || node.length < 3) throw new Error(`no words to select in ${id}`)
            const r = document.createRange()
            const i = Math.max(1, Math.floor(node.length * fraction))
            r.setStart(node, i)
            r.setEnd(node, i + 1)
            return r.getClientRects()[0]!
          }
          textOf(a).scrollIntoView({ block: 'center' })
          const from = at(a, 0.5)
          const to = at(b, 0.2)
          return { x1: from.left, y1: from.top + from.height / 2, x2: to.right, y2: to.top + to.height / 2 }
        },
        { a: first.id, b: second.id },
      )
      await page.mouse.move(points.x1, points.y1)
      await page.mouse.down()
      await page.mouse.move(points.x2, points.y2, { steps: 8 })
      await page.mouse.up()
      const paragraphNumber = first.id.replace(/^p/, '')
      const bar = page.locator('.selection-bar')
      await expect(bar).toContainText(`The link covers paragraph ${paragraphNumber} only`)
      await expect(bar.getByRole('button', { name: 'Copy link to selection' })).toBeVisible()

      const overlap = async (other: string) => {
        const a = (await bar.boundingBox())!
        const b = (await page.locator(other).boundingBox())!
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
      }
      expect(await overlap('.quote-nav')).toBe(false)
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await expect(bar).toBeVisible()
      await expect(page.locator('.site-footer')).toBeInViewport()
      expect(await overlap('.quote-nav')).toBe(false)
      expect(await overlap('.site-footer')).toBe(false)
      await expectNoAxeViolations(page)
    })
  }
})
