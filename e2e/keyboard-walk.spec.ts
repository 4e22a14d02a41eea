import type { Page } from '@playwright/test'
import { paths } from '../src/lib/paths'
import { expect, test } from './fixtures'
import { loadIndex } from './site'

/**
 * A keyboard-only walk through the product: Tab, Shift+Tab, Enter, Escape and the documented keys, from the
 * library into an article, through its quotes and the speaker panel, into the comparison and back. At every
 * stop, focus must be visible (a focus ring on the element or its ::before/::after), on screen and not
 * hidden under sticky bars, and on something meaningful (a control or a named focusable region). Tabbing
 * on from anywhere must come back round to the skip link: no focus trap.
 */

type Focus = {
  /** Focus is on the document itself (between the last element and the first, or nowhere). */
  none: boolean
  desc: string
  name: string
  ring: boolean
  inView: boolean
  obscuredBy: string | null
  meaningful: boolean
  skipLink: boolean
}

function focusNow(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body || el === document.documentElement) {
      return {
        none: true,
        desc: 'body',
        name: '',
        ring: false,
        inView: false,
        obscuredBy: null,
        meaningful: false,
        skipLink: false,
      }
    }
    const describe = (e: Element) =>
      `${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`
    const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim()
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => text(document.getElementById(id)))
      .join(' ')
    const labels =
      'labels' in el && el.labels
        ? Array.from(el.labels as NodeListOf<HTMLLabelElement>)
            .map(text)
            .join(' ')
        : ''
    const name =
      (el.getAttribute('aria-label') ?? '').trim() ||
      labelledBy ||
      labels ||
      text(el) ||
      (el.getAttribute('title') ?? '')

    const ringIn = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== 'none' &&
        parseFloat(s.outlineWidth) >= 1 &&
        !/^(?:transparent|rgba\(\d+, \d+, \d+, 0\))$/.test(s.outlineColor)) ||
      (s.boxShadow !== '' && s.boxShadow !== 'none')
    const ring = [null, '::before', '::after'].some((pseudo) => ringIn(getComputedStyle(el, pseudo)))

    const r = el.getBoundingClientRect()
    const inView =
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
    // WCAG 2.4.11: focus not entirely hidden by author content (sticky header, bottom bar, popover).
    let obscuredBy: string | null = null
    if (inView) {
      const points: [number, number][] = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 2, r.top + 2],
        [r.right - 2, r.bottom - 2],
      ]
      const hits = points
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
        .map(([x, y]) => document.elementFromPoint(x, y))
      const covered = hits.filter((h) => h && h !== el && !el.contains(h) && !h.contains(el))
      if (hits.length > 0 && covered.length === hits.length) obscuredBy = describe(covered[0]!)
    }

    const tag = el.localName
    const role = el.getAttribute('role')
    const interactiveTag = ['a', 'button', 'input', 'select', 'textarea', 'summary'].includes(tag)
    const interactiveRole =
      !!role &&
      /^(?:button|link|tab|menuitem|option|checkbox|radio|switch|slider|spinbutton|textbox|searchbox|combobox|listbox|gridcell|treeitem)$/.test(
        role,
      )
    // A named region that takes focus so it can be scrolled from the keyboard is meaningful too.
    const namedRegion = !!role && /^(?:region|group|article|document|application)$/.test(role) && name !== ''
    const scroller =
      el.scrollHeight > el.clientHeight + 1 &&
      /auto|scroll/.test(getComputedStyle(el).overflowY) &&
      name !== ''
    // Elements focused by the app itself on purpose (a quote the navigator moved to, a heading after a route change).
    const moved = el.tabIndex === -1 && name !== ''
    return {
      none: false,
      desc: describe(el),
      name,
      ring,
      inView,
      obscuredBy,
      meaningful: (interactiveTag || interactiveRole || namedRegion || scroller || moved) && name !== '',
      skipLink: el.matches('a[href="#main"], .skip-link'),
    }
  })
}

/**
 * A prerendered page shows before it responds: wait until the app has mounted and the view says its controls
 * work (`data-ready` on the library and reader, `data-compare-ready` on the comparison).
 */
async function appReady(page: Page): Promise<void> {
  await expect(page.locator('#root[data-mounted]')).toHaveCount(1)
  await expect(
    page.locator('main :is([data-ready="true"], [data-compare-ready="true"])').first(),
  ).toBeAttached()
}

function expectGoodFocus(f: Focus, where: string): void {
  expect(f.none, `${where}: focus is somewhere`).toBe(false)
  expect(f.meaningful, `${where}: ${f.desc} ("${f.name}") is a named control`).toBe(true)
  expect(f.ring, `${where}: ${f.desc} shows a focus ring`).toBe(true)
  expect(f.inView, `${where}: ${f.desc} is on screen`).toBe(true)
  expect(f.obscuredBy, `${where}: ${f.desc} is not hidden under another element`).toBeNull()
}

/** Presses `key` until `wanted` holds for the focused element; checks every stop on the way. */
async function pressUntil(
  page: Page,
  wanted: (f: Focus) => boolean,
  where: string,
  key = 'Tab',
  max = 250,
): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const f = await focusNow(page)
    // Past the last element focus leaves the page for the browser's own UI; the next Tab comes back.
    if (f.none) continue
    expectGoodFocus(f, `${where}, ${key} ×${i + 1}`)
    if (wanted(f)) return f
  }
  throw new Error(`${where}: ${max} presses of ${key} never reached the wanted element (a focus trap?)`)
}

/** Tabs on from wherever focus is until the skip link comes round again, checking every stop. */
async function tabRoundToSkipLink(page: Page, where: string, max = 400): Promise<number> {
  let stops = 0
  await pressUntil(
    page,
    (f) => {
      stops += 1
      return f.skipLink
    },
    where,
    'Tab',
    max,
  )
  return stops
}

test.describe('keyboard only', () => {
  test.use({ viewport: { width: 1280, height: 800 } })
  test.describe.configure({ timeout: 120_000 })

  test('the library: the first Tab reaches the skip link, which jumps to the content, and Tab comes back round', async ({
    page,
  }) => {
    await page.goto(paths.library.build())
    await appReady(page)
    await page.keyboard.press('Tab')
    const first = await focusNow(page)
    expect(first.skipLink, 'the first Tab lands on the skip link').toBe(true)
    expectGoodFocus(first, 'library, first Tab')
    await page.keyboard.press('Enter')
    await expect(page.locator('main')).toBeFocused()
    // From the content, Tab goes into the content, not back to the header.
    await page.keyboard.press('Tab')
    const next = await focusNow(page)
    expectGoodFocus(next, 'library, after the skip link')
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true)
    const stops = await tabRoundToSkipLink(page, 'library')
    expect(stops).toBeGreaterThan(3)
  })

  test('Shift+Tab walks back through the same stops as Tab, in reverse', async ({ page }) => {
    await page.goto(paths.library.build())
    await appReady(page)
    const forward: string[] = []
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      forward.push((await focusNow(page)).desc + (await focusNow(page)).name)
    }
    const back: string[] = []
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Shift+Tab')
      const f = await focusNow(page)
      expectGoodFocus(f, `library, Shift+Tab ×${i + 1}`)
      back.push(f.desc + f.name)
    }
    expect(back).toEqual(forward.slice(0, 7).reverse())
  })

  test('from the library into an article, through its quotes and speakers, into the comparison and back', async ({
    page,
  }) => {
    const index = await loadIndex(page.request)
    await page.goto(paths.library.build())
    await appReady(page)

    // Library -> an article, by its card's link.
    await pressUntil(page, (f) => f.desc.startsWith('a') && /card-link/.test(f.desc), 'library to a card')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/article\//)
    await appReady(page)
    const articleId = decodeURIComponent(new URL(page.url()).pathname.split('/').filter(Boolean).pop()!)
    expect(index.articles.map((a) => a.id)).toContain(articleId)

    // A quote's speaker chip: Enter opens who said it, Escape closes it and leaves focus on the chip.
    const chip = await pressUntil(page, (f) => /quote-chip\b/.test(f.desc), 'reader to a quote chip')
    expect(chip.name).toMatch(/about this quote/)
    await page.keyboard.press('Enter')
    await expect(page.locator('button.quote-chip:focus')).toHaveAttribute('aria-expanded', 'true')
    await page.keyboard.press('Escape')
    await expect(page.locator('button.quote-chip:focus')).toHaveAttribute('aria-expanded', 'false')

    // The speaker panel: choosing a person focuses their quotes (in the URL, so it can be shared).
    await pressUntil(page, (f) => /speaker-button/.test(f.desc), 'reader to the speaker panel')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/[?&]speaker=/)
    await expect(page.locator('.speaker-button:focus')).toHaveAttribute('aria-pressed', 'true')

    // Next quote, from its visible button: focus moves to the quote, visibly.
    await pressUntil(page, (f) => /^Next quote/.test(f.name), 'reader to "Next quote"')
    await page.keyboard.press('Enter')
    await expect(page.locator('mark.quote:focus')).toHaveCount(1)
    expectGoodFocus(await focusNow(page), 'reader, after "Next quote"')
    // And the keyboard shortcut moves on from there.
    const before = await page.evaluate(() => document.activeElement?.id)
    await page.keyboard.press('j')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).not.toBe(before)

    // Nothing in the reader holds focus: Tab comes round to the skip link.
    await tabRoundToSkipLink(page, 'reader')

    // Back to the library through the site navigation, then to the comparison of a story.
    await pressUntil(page, (f) => f.name === 'Library' && /^a/.test(f.desc), 'reader to the Library link')
    await page.keyboard.press('Enter')
    await expect(page).not.toHaveURL(/\/article\//)
    await appReady(page)
    await pressUntil(page, (f) => /story-compare/.test(f.desc), 'library to "Compare side by side"')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/compare\//)
    await expect(page.locator('[data-compare-ready="true"]')).toHaveCount(1)

    // A passage: Enter selects its link (shared in the URL); j moves to the next link.
    await pressUntil(page, (f) => /cmp-passage/.test(f.desc), 'comparison to a passage')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/[?&]link=l\d+/)
    const link = new URL(page.url()).searchParams.get('link')
    await page.keyboard.press('j')
    await expect.poll(() => new URL(page.url()).searchParams.get('link')).not.toBe(link)

    // Tab gets out of the comparison's hundreds of passages and comes round.
    await tabRoundToSkipLink(page, 'comparison', 1_500)

    // And back to the library.
    await pressUntil(page, (f) => f.name === 'Library' && /^a/.test(f.desc), 'comparison to the Library link')
    await page.keyboard.press('Enter')
    await expect(page).not.toHaveURL(/\/compare\//)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })
})
