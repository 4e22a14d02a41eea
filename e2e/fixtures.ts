/**
 * Shared Playwright fixtures. Import `test` and `expect` from here instead of '@playwright/test':
 *
 *   import { expect, expectNoAxeViolations, test } from './fixtures'
 *
 * - Every test fails if its page throws an uncaught error or logs a console error (React's hydration
 *   warnings included). A test that provokes errors on purpose declares them:
 *     test.use({ allowedConsoleErrors: [/status of 500/] })
 *   Failed loads answered 404 are allowed by default: the app asks for data files by id, and a 404 is how
 *   it learns an id is unknown (it then shows its not-found page).
 * - `expectNoAxeViolations(page)` runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules and fails with a
 *   readable list of what is wrong and where.
 * - Pages opened in other contexts are not watched automatically: `watchPageErrors(page)` returns a check.
 */
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export { expect }

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const

/** Console errors every test may see: a resource answered 404 (an unknown id, by design). */
export const DEFAULT_ALLOWED_CONSOLE_ERRORS: readonly RegExp[] = [
  /^Failed to load resource: the server responded with a status of 404/,
]

/**
 * Starts collecting uncaught errors and console errors of `page`. Call the returned function at the end of
 * the test to fail it with everything collected.
 */
export function watchPageErrors(page: Page, allowed: readonly RegExp[] = []): () => void {
  const problems: string[] = []
  const ok = [...DEFAULT_ALLOWED_CONSOLE_ERRORS, ...allowed]
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.stack ?? error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    if (ok.some((re) => re.test(text))) return
    const { url, lineNumber } = message.location()
    problems.push(`console error: ${text}${url ? ` (${url}:${lineNumber})` : ''}`)
  })
  return () => expect(problems, 'the page logged errors').toEqual([])
}

type Fixtures = {
  /** Console errors this test expects (matched against the message text), besides the defaults. */
  allowedConsoleErrors: RegExp[]
  /** Fails the test on any uncaught page error or unexpected console error. Automatic. */
  failOnPageErrors: void
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  failOnPageErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const check = watchPageErrors(page, allowedConsoleErrors)
      await use()
      check()
    },
    { auto: true },
  ],
})

/**
 * Waits until no CSS transition or animation is running: axe judges colours as they are at that instant,
 * and a background mid-way through its 0.12 s fade (after a theme switch, say) is a colour nobody reads.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}

/** Runs axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page once it is still; fails on any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await animationsSettled(page)
  const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze()
  const report = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }))
  expect(report, `axe found accessibility problems on ${page.url()}`).toEqual([])
}
