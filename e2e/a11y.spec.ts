import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { paths } from '../src/lib/paths'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { STORAGE_KEY } from '../src/ui/theme'
import { expectTheme, loadIndex, siteBase } from './site'

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) on the library, the reader, the comparison, the not-found and the
 * error pages, in states people reach (filters, a focused speaker, open quote details, a selected link), on a
 * desktop and a 375 px phone, in every way a reader gets a theme: the system's light or dark with no choice
 * stored (most readers: the stylesheet follows the system), and a theme chosen with the toggle against the
 * other system setting (a stored choice the boot script applies).
 */

/** An invented article to paste (the add page's fixture). */
const ADD_FIXTURE_TEXT = readFileSync(
  new URL('../src/features/add/fixtures/harbour-ferry.txt', import.meta.url),
  'utf8',
)

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
    name: 'comparison',
    open: async (page) => {
      await openSeedComparison(page)
    },
  },
  {
    name: 'comparison with a link selected and its evidence open',
    open: async (page) => {
      await openSeedComparison(page)
      await page.getByRole('button', { name: 'Next link' }).click()
      await expect(page.locator('.cmp-inspector')).toBeVisible()
      await page.locator('.cmp-column .cmp-passage[data-link-ids]').first().focus()
    },
  },
  {
    name: 'add an article, empty',
    open: async (page) => {
      await page.goto(paths.add.build())
      await expect(page.getByRole('heading', { level: 1, name: 'Add an article' })).toBeVisible()
    },
  },
  {
    name: 'add an article, with a preview',
    open: async (page) => {
      await page.goto(paths.add.build())
      await page.getByLabel('Article text').fill(ADD_FIXTURE_TEXT)
      await page.getByRole('button', { name: 'Read the pasted text' }).click()
      await expect(page.getByRole('heading', { name: /^Preview/ })).toBeVisible()
      await page.getByText(/^Lines left out/).click()
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

/** The bundled story's two articles side by side, ready. */
async function openSeedComparison(page: Page): Promise<void> {
  const index = await loadIndex(page.request)
  const story = index.stories.find((s) => s.articleIds.length >= 2)
  if (!story) throw new Error('no story with two articles in the bundled index')
  await page.goto(paths.compare.build(story.articleIds[0]!, story.articleIds[1]!))
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
}

const widths = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 740 } },
]

type ThemeCase = { name: string; system: 'light' | 'dark'; stored: 'light' | 'dark' | null }
const themes: ThemeCase[] = [
  { name: 'system light, no choice stored', system: 'light', stored: null },
  { name: 'system dark, no choice stored', system: 'dark', stored: null },
  { name: 'dark chosen, system light', system: 'light', stored: 'dark' },
  { name: 'light chosen, system dark', system: 'dark', stored: 'light' },
]

test.use({ allowedConsoleErrors: [/status of 500/] })

for (const theme of themes) {
  for (const width of widths) {
    test.describe(`${theme.name}, ${width.name}`, () => {
      test.use({ colorScheme: theme.system, viewport: width.viewport })
      // Colours do not depend on the base path: the matrix runs at the root, the sub-path run keeps one theme.
      test.skip(
        () => siteBase() !== '/' && (theme.stored !== null || theme.system !== 'dark'),
        'base-independent; covered at the root',
      )
      if (theme.stored !== null) {
        const stored = theme.stored
        test.beforeEach(async ({ page }) => {
          await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
            STORAGE_KEY,
            stored,
          ] as const)
        })
      }
      for (const state of states) {
        test(`${state.name} has no axe violations`, async ({ page }) => {
          // An axe run over two full articles takes seconds on a busy CI machine.
          test.slow(state.name.startsWith('comparison'))
          await state.open(page)
          await expectTheme(page, theme.stored ?? theme.system)
          await expectNoAxeViolations(page)
        })
      }
    })
  }
}
