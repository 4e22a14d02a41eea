import { expect, test } from './fixtures'
import { paths } from '../src/lib/paths'
import { appMounted, loadIndex, sitePath } from './site'

/** Scrolling between pages, as a reader expects it of any site: see src/app/scroll-restoration.tsx. */
test.describe('moving between pages', () => {
  test.use({ viewport: { width: 375, height: 700 } })

  test('a new page starts at its top; back returns to where the reader was', async ({ page, request }) => {
    const index = await loadIndex(request)
    const article = index.articles[0]!
    await page.goto(sitePath(paths.article.build(article.id)))
    await appMounted(page)
    const bottom = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)
    expect(bottom, 'the article is longer than a phone screen').toBeGreaterThan(400)
    await page.evaluate((y) => window.scrollTo(0, y), Math.round(bottom / 2))
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(bottom / 2))
    const y = await page.evaluate(() => Math.round(window.scrollY))

    // Clicked where it is (as with a keyboard shortcut): a pointer would first scroll up to the header.
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Library' })
      .evaluate((a: HTMLAnchorElement) => a.click())
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText(article.headline)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)

    await page.goBack()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(article.headline)
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(y)

    // Also after a reload of that entry.
    await page.reload()
    await appMounted(page)
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(y)
  })

  test('changing what the page shows (a filter) keeps the scroll where it is', async ({ page, request }) => {
    const index = await loadIndex(request)
    const story = index.stories.find((s) => s.articleIds.length >= 2)!
    await page.goto(sitePath(paths.compare.build(story.articleIds[0]!, story.articleIds[1]!)))
    await appMounted(page)
    await page.evaluate(() => window.scrollTo(0, 150))
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(150)
    // On a phone the filters sit in the toolbar's "Show" menu.
    await page.getByRole('button', { name: /^Show:/ }).click()
    const differs = page.getByRole('group', { name: 'Show' }).locator('a[href*="filter=differ"]')
    await differs.click()
    await expect(page).toHaveURL(/[?&]filter=differ/)
    // The menu closes on a choice and its button names the filter now shown.
    await expect(page.getByRole('button', { name: /^Show: Differs/ })).toBeVisible()
    expect(await page.evaluate(() => Math.round(window.scrollY))).toBe(150)
  })
})
