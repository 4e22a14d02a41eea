import type { Page } from '@playwright/test'
import { paths } from '../src/lib/paths'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { expectTheme, loadIndex } from './site'

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) on the library, the reader, the not-found and the error pages, in
 * states people reach (filters, a focused speaker, open quote details), in both themes, on a desktop and
 * a 375 px phone.
 */

type State = { name: string; open: (page: Page) => Promise<void> }

const states: State[] = [
  {
    name: 'library',
    open: async (page) => {
      await page.goto(paths.library.build())
      await expect(page.getByRole('main').getByRole('article').first()).toBeVisible()
    },
  },
  {
    name: 'library with filters and nothing matching',
    open: async (page) => {
      await page.goto(paths.library.build({ outlet: 'No Such Gazette' }))
      await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible()
    },
  },
  {
    name: 'reader',
    open: async (page) => {
      const index = await loadIndex(page.request)
      await page.goto(paths.article.build(index.articles[0]!.id))
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    },
  },
  {
    name: 'reader with a speaker focused and a quote’s details open',
    open: async (page) => {
      const index = await loadIndex(page.request)
      const article = index.articles.find((a) => a.speakers.length > 0) ?? index.articles[0]!
      await page.goto(paths.article.build(article.id))
      await expect(page.locator('.reader[data-ready="true"]')).toBeVisible()
      const panel = page.getByRole('list', { name: 'People quoted' })
      await panel.getByRole('button').first().click()
      await expect(page.locator('mark.quote.is-dimmed').or(page.locator('mark.quote')).first()).toBeVisible()
      await page.locator('.quote-chip').first().click()
      await expect(page.locator('.quote-details.is-open')).toBeVisible()
    },
  },
  {
    name: 'not found',
    open: async (page) => {
      await page.goto(paths.article.build('no-such-article'))
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    },
  },
  {
    name: 'error',
    open: async (page) => {
      const index = await loadIndex(page.request)
      const target = index.articles[0]!
      await page.route(`**/${paths.data.article(target.id)}`, (route) =>
        route.fulfill({ status: 500, body: '' }),
      )
      await page.goto(paths.library.build())
      await page.getByRole('link', { name: target.headline, exact: true }).click()
      await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    },
  },
]

const widths = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 740 } },
]

test.use({ allowedConsoleErrors: [/status of 500/] })

for (const theme of ['light', 'dark'] as const) {
  for (const width of widths) {
    test.describe(`${theme} theme, ${width.name}`, () => {
      test.use({ colorScheme: theme, viewport: width.viewport })
      for (const state of states) {
        test(`${state.name} has no axe violations`, async ({ page }) => {
          await state.open(page)
          await expectTheme(page, theme)
          await expectNoAxeViolations(page)
        })
      }
    })
  }
}
