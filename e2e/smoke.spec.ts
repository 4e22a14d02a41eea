import { paths } from '../src/lib/paths'
import { expect, test } from './fixtures'
import { expectTheme, loadIndex } from './site'

/** The app shell: landmarks, skip link, titles, the theme and the not-found page. */

test('the library lists the bundled articles and opens one', async ({ page }) => {
  const index = await loadIndex(page.request)
  await page.goto(paths.library.build())
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('article')).toHaveCount(index.articles.length)
  const first = index.articles[0]!
  await page.getByRole('link', { name: first.headline, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/article/${first.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(first.headline.slice(0, 20)))
})

test('every page has one h1, the landmarks, and its own title', async ({ page }) => {
  const index = await loadIndex(page.request)
  const article = index.articles[0]!
  const pages: Array<[string, RegExp]> = [
    [paths.library.build(), /^Library — Parallax$/],
    [
      paths.article.build(article.id),
      new RegExp(`^${article.headline.slice(0, 15).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* — Parallax$`),
    ],
    ['/no/such/page', /^Page not found — Parallax$/],
  ]
  for (const [path, title] of pages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page).toHaveTitle(title)
    await expect(page.getByRole('banner')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible()
    await expect(page.getByRole('main')).toBeVisible()
    await expect(page.getByRole('contentinfo')).toBeVisible()
  }
})

test('the skip link is the first stop and jumps to the content', async ({ page }) => {
  await page.goto(paths.library.build())
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  // The content's first control: "Your articles" comes first in the library, then the search.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('main').getByRole('link', { name: 'Add an article' })).toBeFocused()
})

test('an unknown address shows a not-found page with the way back', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the library' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
})

test.describe('theme', () => {
  test('follows the system, and the toggle’s choice is remembered across a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(paths.library.build())
    // The prerendered page shows before it hydrates; the toggle responds once the app is running.
    await expect(page.locator('.library[data-ready="true"]')).toBeVisible()
    const html = page.locator('html')
    const toggle = page.getByRole('button', { name: 'Dark theme' })
    await expectTheme(page, 'light')
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await toggle.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(darkBg).not.toBe(lightBg)
    await page.reload()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
  })

  test('on a phone the toggle still says in words what it does and whether it is on', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(paths.library.build())
    await expect(page.locator('.library[data-ready="true"]')).toBeVisible()
    const toggle = page.getByRole('button', { name: 'Dark theme' })
    // The word is drawn (not only kept for screen readers), and so is the state.
    const word = await toggle.locator('.theme-toggle-label').boundingBox()
    expect(word?.width ?? 0).toBeGreaterThan(20)
    await expect(toggle.locator('.switch-state')).toHaveText(/^off$/i)
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await expect(toggle.locator('.switch-state')).toHaveText(/^on$/i)
  })

  test('starts dark for a reader whose system is dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(paths.library.build())
    await expectTheme(page, 'dark')
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
  })
})

test('no page scrolls sideways on a 320 px wide phone', async ({ page }) => {
  const index = await loadIndex(page.request)
  await page.setViewportSize({ width: 320, height: 640 })
  for (const path of [
    paths.library.build(),
    ...index.articles.map((a) => paths.article.build(a.id)),
    '/nope',
  ]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, `${path} is wider than the screen`).toBe(0)
  }
})
