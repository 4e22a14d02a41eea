import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { serveBenchData } from '../bench/lib/data-routes'
import { syntheticPair } from '../bench/lib/synthetic'
import { SCHEMA_VERSION, type Article, type ArticleIndex } from '../src/core/schema'
import { summarise } from '../src/ingest/data-files'
import { paths } from '../src/lib/paths'
import { animationsSettled } from './fixtures'
import { loadIndex, sitePath } from './site'

/**
 * The comparison view against the production build, on the bundled seed pair: the Nikkei Asia report of
 * the Trump–Abe news conference (left) and the column whose outlet is not stated (right).
 */

type Pair = { left: string; right: string; leftOutlet: string; rightOutlet: string }

async function seedPair(page: Page): Promise<Pair> {
  const index = await loadIndex(page.request)
  const story = index.stories.find((s) => s.articleIds.length >= 2)
  if (!story) throw new Error('no story with two articles in the bundled index')
  const articles = story.articleIds.map((id) => index.articles.find((a) => a.id === id)!)
  const nikkei = articles.find((a) => a.outlet === 'Nikkei Asia') ?? articles[0]!
  const other = articles.find((a) => a.id !== nikkei.id)!
  return {
    left: nikkei.id,
    right: other.id,
    leftOutlet: nikkei.outlet ?? 'Outlet not stated',
    rightOutlet: other.outlet ?? 'Outlet not stated',
  }
}

async function openPair(page: Page, pair: Pair, params: Parameters<typeof paths.compare.build>[2] = {}) {
  await page.goto(paths.compare.build(pair.left, pair.right, params))
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
}

/**
 * Two synthetic articles of one story (run through the real pipeline and aligner) and their comparison,
 * served in place of the bundled data: their address is not prerendered (the app shell answers it).
 */
async function serveSyntheticPair(page: Page, paragraphs: number, { others = 0 } = {}) {
  const pair = syntheticPair(paragraphs)
  const { left, right, comparison } = pair
  // `others`: that many more articles in the index (in no story), so the corpus is as large as wanted.
  const more = Array.from({ length: others }, (_, n) => ({
    ...summarise(left),
    id: `other-${n + 1}`,
    storyId: null,
    outlet: `Outlet ${n + 1}`,
    headline: `Another article, number ${n + 1}`,
  }))
  await serveBenchData(page, {
    index: {
      schemaVersion: SCHEMA_VERSION,
      stories: [
        { id: 'synthetic-pair', title: 'Synthetic pair', date: null, articleIds: [left.id, right.id] },
      ],
      articles: [summarise(left), summarise(right), ...more],
    },
    article: (id) => [left, right].find((a) => a.id === id),
    comparison: (l, r) => (l === left.id && r === right.id ? comparison : undefined),
  })
  return pair
}

const column = (page: Page, side: 'left' | 'right') => page.locator(`.cmp-column[data-column="${side}"]`)
const passage = (page: Page, side: 'left' | 'right', text: string | RegExp) =>
  column(page, side).locator('.cmp-passage').filter({ hasText: text })

async function linkIdsOf(locator: Locator): Promise<string[]> {
  return ((await locator.first().getAttribute('data-link-ids')) ?? '').split(' ').filter(Boolean)
}

/** The ids of links joining a left passage and a right passage, found by their text. */
async function sharedLinks(page: Page, leftText: string | RegExp, rightText: string | RegExp) {
  const left = await linkIdsOf(passage(page, 'left', leftText))
  const right = await linkIdsOf(passage(page, 'right', rightText))
  return left.filter((id) => right.includes(id))
}

async function expectNoAxeViolations(page: Page) {
  // An axe run over two full articles takes seconds on a busy CI machine.
  test.slow()
  await animationsSettled(page)
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

/** Records which connectors are in the document at the moment the view first says it is ready. */
async function recordConnectorsAtReady(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __atReady?: string[]
      __reachAtReady?: { past: number; blocks: number }[]
    }
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-compare-ready="true"]')) return
      w.__atReady = [...document.querySelectorAll('.cmp-connector')].map(
        (p) => p.getAttribute('data-link-id') ?? '',
      )
      // How far each shown column's rendered text goes past the bottom of what can be seen of it.
      w.__reachAtReady = [...document.querySelectorAll('.cmp-scroller')]
        .filter((s) => s.getBoundingClientRect().width > 0)
        .map((s) => {
          const blocks = s.querySelectorAll('.cmp-block')
          const last = blocks[blocks.length - 1]!.getBoundingClientRect().bottom
          return {
            past: last - Math.min(s.getBoundingClientRect().bottom, window.innerHeight),
            blocks: blocks.length,
          }
        })
      observer.disconnect()
    }).observe(document, { subtree: true, childList: true, attributes: true })
  })
}

/**
 * Nothing has scrolled since the view was ready: the links in view now (measured on the finished
 * articles) are the ones that were drawn then — "ready" means every link in view was already drawn.
 */
async function expectSameConnectorsAsAtReady(page: Page) {
  const atReady = await page.evaluate(() => (window as unknown as { __atReady?: string[] }).__atReady)
  const now = await page
    .locator('.cmp-connector')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-link-id') ?? ''))
  expect(atReady?.length).toBeGreaterThan(0)
  expect([...(atReady ?? [])].sort()).toEqual([...now].sort())
}

/**
 * When the view said it was ready, the text rendered first already filled what can be seen of each shown
 * column — or was the whole article (`blocks`: each shown column's headline, deck and paragraphs).
 */
async function expectFirstScreenFilledAtReady(page: Page, blocks: readonly number[]) {
  const reach = await page.evaluate(
    () => (window as unknown as { __reachAtReady?: { past: number; blocks: number }[] }).__reachAtReady,
  )
  expect(reach?.length).toBeGreaterThan(0)
  reach?.forEach((column, i) => {
    if (column.blocks < blocks[i]!) expect(column.past).toBeGreaterThanOrEqual(0)
  })
}

/** Headline, deck and paragraphs. */
const blockCount = (article: Article) => 1 + (article.deck ? 1 : 0) + article.paragraphs.length

async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()
  if (!box || !viewport) return false
  return box.y + box.height > 0 && box.y < viewport.height
}

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('names both outlets above their articles, saying when the outlet is not stated', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await expect(page.getByRole('heading', { level: 1, name: 'Comparing coverage' })).toBeVisible()
    await expect(column(page, 'left').getByRole('heading', { level: 2 })).toHaveText(pair.leftOutlet)
    await expect(column(page, 'right').getByRole('heading', { level: 2 })).toHaveText(pair.rightOutlet)
    await expect(column(page, 'right').getByRole('heading', { level: 2 })).toHaveText('Outlet not stated')
  })

  test('links the “respectfully leave” quote as the same quote on both sides', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const right = passage(page, 'right', 'respectfully leave')
    await expect(right).toHaveAttribute('data-kind', 'same-quote')
    // Said by screen readers as the start of the passage; not in the text a reader selects and copies.
    await expect(right).toHaveAccessibleName(/^Same quote:\s*\S/)
    await right.evaluate((el) => window.getSelection()?.selectAllChildren(el.closest('.cmp-block')!))
    const copied = await page.evaluate(() => window.getSelection()?.toString() ?? '')
    expect(copied).toContain('respectfully leave')
    expect(copied).not.toContain('Same quote')
    const links = await sharedLinks(page, 'I will respectfully leave the meeting', 'respectfully leave')
    expect(links.length).toBeGreaterThan(0)
  })

  test('links the passages about maintaining maximum pressure', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const links = await sharedLinks(
      page,
      /maximum pressure needs to be maintained/i,
      /maintain maximum pressure/i,
    )
    expect(links.length).toBeGreaterThan(0)
  })

  test('marks facts only one outlet reports as found only there', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    // Nikkei alone quotes the Council on Foreign Relations analyst; only the column mentions Xi Jinping's plans.
    const smith = passage(page, 'left', 'Sheila Smith')
    await expect(smith).toHaveAttribute('data-kind', 'only')
    await expect(smith).toContainText('Only in this article')
    await expect(passage(page, 'right', 'Xi will soon visit Pyongyang')).toHaveAttribute('data-kind', 'only')
  })

  test('pointing at a passage lights up its counterpart and the connector between them', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.locator('.cmp-workspace').scrollIntoViewIfNeeded()
    const source = column(page, 'left').locator('.cmp-passage[data-link-ids]').first()
    const [linkId] = await linkIdsOf(source)
    expect(linkId).toBeTruthy()
    await source.hover()
    await expect(source).toHaveAttribute('data-active', '')
    const counterpart = column(page, 'right').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first()
    await expect(counterpart).toHaveAttribute('data-active', '')
    await expect(page.locator(`.cmp-connector[data-link-id="${linkId}"]`)).toHaveAttribute('data-active', '')
    await expect.poll(() => inViewport(page, counterpart)).toBe(true)
    // Moving away switches the highlight off.
    await page.getByRole('heading', { level: 1 }).hover()
    await expect(counterpart).not.toHaveAttribute('data-active', '')
  })

  test('j and k move from link to link, with the selection in the address and focus on the passage', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.locator('body').press('j')
    await expect(page).toHaveURL(/[?&]link=l\d+/)
    const first = new URL(page.url()).searchParams.get('link')!
    const focused = page.locator(':focus')
    await expect(focused).toHaveAttribute('data-link-ids', new RegExp(`(^| )${first}( |$)`))
    await expect(page.getByRole('region', { name: /match · link 1 of/ })).toBeVisible()
    await page.keyboard.press('j')
    await expect(page).not.toHaveURL(new RegExp(`link=${first}(&|$)`))
    await page.keyboard.press('k')
    await expect(page).toHaveURL(new RegExp(`link=${first}(&|$)`))
  })

  test('the Next link button and the keys do nothing while the reader is choosing in a select', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.getByRole('button', { name: 'Next link' }).click()
    const selected = new URL(page.url()).searchParams.get('link')
    expect(selected).toMatch(/^l\d+$/)
    await page.getByLabel('Left article').focus()
    await page.keyboard.press('k')
    expect(new URL(page.url()).searchParams.get('link')).toBe(selected)
  })

  test('a link to one pair opens with both passages in view, highlighted, and focus on the left one', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const [linkId] = await sharedLinks(page, 'I will respectfully leave the meeting', 'respectfully leave')
    expect(linkId).toBeTruthy()
    await page.goto('about:blank')
    await openPair(page, pair, { link: linkId })
    const left = column(page, 'left').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first()
    const right = column(page, 'right').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first()
    await expect(left).toHaveAttribute('data-selected', '')
    await expect(right).toHaveAttribute('data-selected', '')
    await expect(left).toBeFocused()
    await expect.poll(() => inViewport(page, left)).toBe(true)
    await expect.poll(() => inViewport(page, right)).toBe(true)
    await expect(left).toHaveAttribute('aria-pressed', 'true')
  })

  test('choosing a passage selects its link and shows why the two are linked', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const source = column(page, 'left').locator('.cmp-passage[data-link-ids]').first()
    const [linkId] = await linkIdsOf(source)
    await source.click()
    await expect(page).toHaveURL(new RegExp(`link=${linkId}(&|$)`))
    const inspector = page.locator('.cmp-inspector')
    await inspector.getByText('Why linked?').click()
    await expect(inspector.getByText('Score')).toBeVisible()
    await expect(inspector.locator('dd').filter({ hasText: /^\d+% match$/ })).toBeVisible()
    // The rest comes from the comparison's evidence file, fetched once a link is selected.
    await expect(inspector.getByText('Shared words', { exact: true })).toBeVisible()
    await expect(inspector.getByText('Note', { exact: true })).toBeVisible()
    await expectNoAxeViolations(page)
  })

  /** Whether the element is wholly inside what can be seen of its column (and of the window). */
  async function whollyInColumn(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const scroller = el.closest('.cmp-scroller')!.getBoundingClientRect()
      const top = Math.max(scroller.top, 0)
      const bottom = Math.min(scroller.bottom, window.innerHeight)
      const box = el.getBoundingClientRect()
      return box.height > 0 && box.top >= top - 1 && box.bottom <= bottom + 1
    })
  }

  /** Chooses each of `links` on the left, scrolls the right column away, then shows the counterpart. */
  async function showEachCounterpart(page: Page, links: string[]) {
    const showCounterpart = page.getByRole('button', { name: /Show counterpart/ })
    for (const linkId of links) {
      const source = column(page, 'left').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first()
      await source.scrollIntoViewIfNeeded()
      await source.click()
      await expect(page).toHaveURL(new RegExp(`link=${linkId}(&|$)`))
      const right = page.locator('.cmp-scroller[data-column="right"]')
      await right.evaluate((s, id) => {
        const target = s.querySelector(`.cmp-passage[data-link-ids~="${id}"]`)!
        // As far from the counterpart as the column goes.
        s.scrollTop =
          target.getBoundingClientRect().top - s.getBoundingClientRect().top > s.clientHeight
            ? 0
            : s.scrollHeight
      }, linkId)
      await showCounterpart.click()
      const counterpart = column(page, 'right').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first()
      await expect(counterpart).toBeFocused()
      await expect.poll(() => whollyInColumn(counterpart), { timeout: 5000 }).toBe(true)
      // Only the chosen pair is outlined, whatever else the counterpart is linked to.
      const outlined = await page
        .locator('.cmp-passage[data-active]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-link-ids')?.split(' ') ?? []))
      expect(outlined.length).toBeGreaterThan(1)
      for (const ids of outlined) expect(ids).toContain(linkId)
    }
  }

  test('Show counterpart brings the other side wholly into view and outlines only the chosen pair', async ({
    page,
  }) => {
    test.slow()
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.locator('.cmp-workspace').scrollIntoViewIfNeeded()
    // A passage linked to several on the other side is the case where other links stayed outlined.
    const links = await column(page, 'right')
      .locator('.cmp-passage[data-link-ids*=" "]')
      .evaluateAll((els) => els.flatMap((el) => el.getAttribute('data-link-ids')!.split(' ')))
    expect(links.length).toBeGreaterThan(1)
    await showEachCounterpart(page, [...new Set(links)])
  })

  test('in two long articles, Show counterpart brings a passage far down wholly into view', async ({
    page,
  }) => {
    test.slow()
    const { left, right } = await serveSyntheticPair(page, 60)
    await page.goto(sitePath(paths.compare.build(left.id, right.id)))
    await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-complete', 'true', {
      timeout: 20_000,
    })
    const ids = await column(page, 'left')
      .locator('.cmp-passage[data-link-ids]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-link-ids')!.split(' ')[0]!))
    expect(ids.length).toBeGreaterThan(6)
    await showEachCounterpart(page, [ids[ids.length - 1]!, ids[Math.floor(ids.length / 2)]!, ids[1]!])
  })

  test('a selected shared quote says who said it', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const [linkId] = await sharedLinks(page, 'I will respectfully leave the meeting', 'respectfully leave')
    expect(linkId).toBeTruthy()
    await column(page, 'left').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first().click()
    await expect(page.locator('.cmp-inspector .cmp-said-by')).toHaveText('Said by Donald Trump')
  })

  test('an address naming a link the comparison does not have says so', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair, { link: 'l999999' })
    await expect(page.getByText('The link in this address is not in this comparison.')).toBeVisible()
    await expect(page.locator('.cmp-passage[data-selected]')).toHaveCount(0)
  })

  test('the filters show only what differs or only what is shared, and are kept in the address', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.getByRole('link', { name: /Only what differs/ }).click()
    await expect(page).toHaveURL(/filter=differ/)
    await expect(page.locator('.cmp-passage[data-kind="only"]').first()).toBeVisible()
    await expect(page.locator('.cmp-passage[data-kind="same-quote"]').first()).toBeHidden()
    await page.getByRole('link', { name: /Only what is shared/ }).click()
    await expect(page).toHaveURL(/filter=shared/)
    await expect(page.locator('.cmp-passage[data-kind="only"]').first()).toBeHidden()
    await expect(page.locator('.cmp-passage[data-kind="same-quote"]').first()).toBeVisible()
    await page.getByRole('link', { name: /Everything/ }).click()
    await expect(page).not.toHaveURL(/filter=/)
  })

  test('a shared link to a pair under a filter that would hide it shows the pair; cleared, the filter applies', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    // A linked passage in a paragraph with nothing found on one side only: "Only what differs" hides it.
    const chosen = column(page, 'left')
      .locator('.cmp-block:not([data-has-only]) .cmp-passage[data-link-ids]')
      .first()
    const key = await chosen.getAttribute('data-key')
    const [link] = await linkIdsOf(chosen)
    await openPair(page, pair, { link, filter: 'differ' })
    const passage = column(page, 'left').locator(`.cmp-passage[data-key="${key}"]`)
    await expect(passage).toHaveAttribute('data-selected', '')
    await expect(passage).toBeVisible()
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await expect(page).not.toHaveURL(/link=/)
    await expect(passage).toBeHidden()
    // Its paragraph is no longer kept for the pair (the filter hides the paragraph, not only its passages).
    const paragraph = passage.locator('xpath=ancestor::*[contains(@class, "cmp-block")][1]')
    await expect(paragraph).not.toHaveAttribute('data-holds-selected')
    await expect(paragraph).toHaveCSS('display', 'none')
  })

  test('when showing what differs, Next difference moves focus through the passages found on one side only', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair, { filter: 'differ' })
    await expect(page.getByRole('button', { name: 'Next link' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Next difference' }).click()
    const first = page.locator(':focus')
    await expect(first).toHaveAttribute('data-kind', 'only')
    const firstKey = await first.getAttribute('data-key')
    await page.keyboard.press('j')
    await expect(page.locator(':focus')).toHaveAttribute('data-kind', 'only')
    expect(await page.locator(':focus').getAttribute('data-key')).not.toBe(firstKey)
  })

  test('every count says what it counts, and the filters and the stepper give the same numbers', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const passagesOnlyOnOneSide = await page.locator('.cmp-passage[data-kind="only"]').count()
    const links = await page
      .locator('.cmp-passage[data-link-ids]')
      .evaluateAll((els) => new Set(els.flatMap((el) => el.getAttribute('data-link-ids')!.split(' '))).size)
    const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`
    await expect(page.getByRole('link', { name: 'Everything', exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: /Only what differs/ })).toHaveAccessibleName(
      `Only what differs (${plural(passagesOnlyOnOneSide, 'passage')})`,
    )
    await expect(page.getByRole('link', { name: /Only what is shared/ })).toHaveAccessibleName(
      `Only what is shared (${plural(links, 'link')})`,
    )
    await expect(page.locator('.cmp-stepper-position')).toHaveText(plural(links, 'link'))
    await page.getByRole('link', { name: /Only what differs/ }).click()
    await expect(page.locator('.cmp-stepper-position')).toHaveText(
      plural(passagesOnlyOnOneSide, 'difference'),
    )
  })

  test('the summary counts the quotes the reader counts, the headline’s included', async ({ page }) => {
    const pair = await seedPair(page)
    await page.goto(paths.article.build(pair.left))
    const said = await page.locator('.reader-quote-summary').innerText()
    const readerCount = /(\d+) quotes?/.exec(said)?.[1]
    expect(readerCount).toBeTruthy()
    await openPair(page, pair)
    const row = page.getByRole('region', { name: 'At a glance' }).getByRole('row', { name: /^Quotes/ })
    await expect(row.getByRole('cell').first()).toContainText(
      new RegExp(`^(${pair.leftOutlet})?${readerCount} quotes? \\(`),
    )
  })

  test('swapping sides puts each article on the other side', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.getByRole('link', { name: 'Swap sides' }).click()
    await expect(page).toHaveURL(new RegExp(`/compare/${pair.right}/${pair.left}`))
    await expect(column(page, 'left').getByRole('heading', { level: 2 })).toHaveText(pair.rightOutlet)
  })

  test('the summary sets the two framings, lengths and quotes side by side', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const summary = page.getByRole('region', { name: 'At a glance' })
    await expect(summary.getByRole('rowheader', { name: 'Headline' })).toBeVisible()
    await expect(summary.getByRole('columnheader', { name: pair.leftOutlet })).toBeVisible()
    await expect(summary.getByRole('row', { name: /^Length/ })).toContainText(/\d+ words.*\d+ words/)
    // The shared quote, with its fidelity named in words.
    const quotes = summary.locator('.cmp-shared-quote').filter({ hasText: 'respectfully leave' })
    await expect(quotes.first().locator('.cmp-fidelity')).toHaveText(/Trimmed|Verbatim|Paraphrased/)
  })

  test('rendered in the browser, it draws the first screen, then both articles whole and the summary', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await recordConnectorsAtReady(page)
    // A query makes the browser render the view itself instead of hydrating the prerendered page.
    await page.goto(`${sitePath(paths.compare.build(pair.left, pair.right))}?from=e2e`)
    await expect(page.locator('#root')).toHaveAttribute('data-mounted', 'rendered')
    const workspace = page.locator('.cmp-workspace')
    await expect(workspace).toHaveAttribute('data-compare-complete', 'true')
    const blocks: number[] = []
    for (const [side, id] of [
      ['left', pair.left],
      ['right', pair.right],
    ] as const) {
      const article = (await (await page.request.get(sitePath(paths.data.article(id)))).json()) as Article
      blocks.push(blockCount(article))
      await expect(column(page, side).locator('.cmp-block')).toHaveCount(blockCount(article))
    }
    await expectFirstScreenFilledAtReady(page, blocks)
    await expectSameConnectorsAsAtReady(page)
    const summary = page.getByRole('region', { name: 'At a glance' })
    await expect(
      summary.locator('.cmp-shared-quote').filter({ hasText: 'respectfully leave' }),
    ).not.toHaveCount(0)
  })

  test('the summary and every link download as CSV', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const links = await page
      .locator('.cmp-passage[data-link-ids]')
      .evaluateAll((els) => new Set(els.flatMap((el) => el.getAttribute('data-link-ids')!.split(' '))).size)
    // The summary goes live (and offers the download) once it is seen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const button = page.getByRole('button', { name: 'Download the summary and links (CSV)' })
    await expect(button).toBeVisible()
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toMatch(/^Comparison - .+\.csv$/)
    const text = await readFile((await download.path())!, 'utf8')
    const lines = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(`Summary,${pair.leftOutlet},${pair.rightOutlet}`)
    const header = lines.findIndex((l) => l.startsWith('Link,Kind,Match,'))
    expect(header).toBeGreaterThan(0)
    expect(lines.slice(header + 1).filter((l) => /^l\d+,/.test(l))).toHaveLength(links)
    expect(text).toContain('Donald Trump')
  })

  test('two long articles: every link in view is drawn when the view says it is ready, the rest follows', async ({
    page,
  }) => {
    test.slow()
    // Two 60-paragraph articles (synthetic, run through the real pipeline and aligner), served in place of
    // bundled data; their address is not prerendered, so the browser renders the view itself.
    const { left, right } = await serveSyntheticPair(page, 60)
    await recordConnectorsAtReady(page)
    await page.goto(sitePath(paths.compare.build(left.id, right.id)))
    const workspace = page.locator('.cmp-workspace')
    await expect(workspace).toHaveAttribute('data-compare-complete', 'true')
    await expect(column(page, 'left').locator('.cmp-block')).toHaveCount(blockCount(left))
    await expectFirstScreenFilledAtReady(page, [blockCount(left), blockCount(right)])
    await expectSameConnectorsAsAtReady(page)
    await expect(page.getByRole('region', { name: 'At a glance' })).toBeVisible()
  })

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    test(`at ${viewport.width}×${viewport.height}, the text rendered first fills both columns`, async ({
      page,
    }) => {
      test.slow()
      await page.setViewportSize(viewport)
      const { left, right } = await serveSyntheticPair(page, 60)
      await recordConnectorsAtReady(page)
      await page.goto(sitePath(paths.compare.build(left.id, right.id)))
      await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-complete', 'true')
      await expectFirstScreenFilledAtReady(page, [blockCount(left), blockCount(right)])
      await expectSameConnectorsAsAtReady(page)
    })
  }

  test('has no accessibility violations, in the light and the dark theme', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await expectNoAxeViolations(page)
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await column(page, 'left').locator('.cmp-passage[data-link-ids]').first().focus()
    await expectNoAxeViolations(page)
  })
})

test.describe('printed', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('both articles print whole, one after the other, with the links marked and the summary, without the controls', async ({
    page,
  }) => {
    test.slow()
    const { left, right } = await serveSyntheticPair(page, 60)
    // A phone-width pane and a filter are both ignored on paper.
    await page.goto(sitePath(paths.compare.build(left.id, right.id, { filter: 'differ', pane: 'right' })))
    await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
    // The browser sends beforeprint, then lays out the pages at once: nothing may be left to come.
    const atPrint = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'))
      return [...document.querySelectorAll('.cmp-scroller')].map(
        (s) => s.querySelectorAll('.cmp-block').length,
      )
    })
    expect(atPrint).toEqual([blockCount(left), blockCount(right)])
    await page.emulateMedia({ media: 'print' })
    for (const [side, article] of [
      ['left', left],
      ['right', right],
    ] as const) {
      const blocks = column(page, side).locator('.cmp-block')
      expect(await blocks.count()).toBe(blockCount(article))
      await expect(blocks.last()).toBeVisible()
      // Linked passages too, which the filter hides on screen.
      await expect(column(page, side).locator('.cmp-passage[data-link-ids]').first()).toBeVisible()
    }
    const marked = column(page, 'left').locator('.cmp-passage[data-link-ids]').first()
    const ids = (await marked.getAttribute('data-link-ids'))!
    expect(await marked.evaluate((el) => getComputedStyle(el, '::after').content)).toContain(ids)
    await expect(page.getByRole('region', { name: 'At a glance' })).toBeVisible()
    for (const control of [
      page.getByRole('form', { name: 'Choose the articles to compare' }),
      page.getByRole('group', { name: 'Show' }),
      page.getByRole('button', { name: 'Next difference' }),
      page.getByRole('tab').first(),
    ])
      await expect(control).toBeHidden()
    await page.screenshot({ path: test.info().outputPath('print.png'), fullPage: true })
  })
})

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 375, height: 800 } })

  test('shows one article at a time with tabs to switch, kept in the address', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const tabs = page.getByRole('tab')
    await expect(tabs).toHaveCount(2)
    await expect(page.getByRole('tab', { name: pair.leftOutlet })).toHaveAttribute('aria-selected', 'true')
    await expect(column(page, 'left')).toBeVisible()
    await expect(column(page, 'right')).toBeHidden()
    await page.getByRole('tab', { name: pair.rightOutlet }).click()
    await expect(page).toHaveURL(/pane=right/)
    await expect(column(page, 'right')).toBeVisible()
    await expect(column(page, 'left')).toBeHidden()
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByRole('tab', { name: pair.leftOutlet })).toBeFocused()
    await expect(column(page, 'left')).toBeVisible()
  })

  test('choosing a passage offers its counterpart, which switches panes and scrolls to it', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    const source = column(page, 'left').locator('.cmp-passage[data-link-ids]').first()
    const [linkId] = await linkIdsOf(source)
    await source.click()
    await page.getByRole('button', { name: /Show counterpart/ }).click()
    await expect(page).toHaveURL(/pane=right/)
    const counterpart = column(page, 'right').locator(`.cmp-passage[data-link-ids~="${linkId}"]`).first()
    await expect(counterpart).toBeFocused()
    await expect.poll(() => inViewport(page, counterpart)).toBe(true)
  })

  test('the toolbar is one row: the filters and the key fold into a menu beside the stepper', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    for (const filter of ['all', 'differ', 'shared'] as const) {
      await openPair(page, pair, { filter })
      const toolbar = page.locator('.cmp-toolbar')
      const toggle = toolbar.getByRole('button', { name: /^Show:/ })
      const next = toolbar.getByRole('button', { name: /^Next (link|difference)$/ })
      const [a, b] = [(await toggle.boundingBox())!, (await next.boundingBox())!]
      expect(Math.abs(a.y - b.y)).toBeLessThan(4)
      expect((await toolbar.boundingBox())!.height).toBeLessThan(a.height * 1.8)
      await expect(toolbar.getByRole('group', { name: 'Show' })).toBeHidden()
      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-expanded', 'true')
      await expect(toolbar.getByRole('group', { name: 'Show' })).toBeVisible()
      await expect(toolbar.getByRole('list', { name: 'Key' })).toBeVisible()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Escape')
      await expect(toggle).toBeFocused()
      await expect(toolbar.getByRole('group', { name: 'Show' })).toBeHidden()
    }
    await page.getByRole('button', { name: /^Show:/ }).click()
    await page.getByRole('link', { name: /^Shared/ }).click()
    await expect(page).toHaveURL(/filter=shared/)
    await expect(page.getByRole('button', { name: /^Show: Shared/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
  })

  test('the toast saying a link was copied covers no control and is announced', async ({ page }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await page.getByRole('button', { name: 'Next link' }).click()
    // The selected pair's details stick to the bottom of a phone's screen, where toasts used to appear.
    await page.getByRole('button', { name: 'Copy link to this pair' }).click()
    const toast = page.getByRole('status').filter({ hasText: /copied|Could not copy/ })
    await expect(toast).toBeVisible()
    await expect(toast).toHaveAttribute('aria-live', 'polite')
    const box = (await toast.locator('.toast').boundingBox())!
    const covered = await page.evaluate((t) => {
      const controls = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, [role="button"], [role="tab"]',
      )
      return [...controls]
        .filter((c) => c.checkVisibility())
        .map((c) => ({ c, r: c.getBoundingClientRect() }))
        .filter(
          ({ r }) =>
            r.width > 0 &&
            r.left < t.x + t.width &&
            r.right > t.x &&
            r.top < t.y + t.height &&
            r.bottom > t.y,
        )
        .map(({ c }) => c.textContent?.trim() ?? c.tagName)
    }, box)
    expect(covered).toEqual([])
  })

  test('the differences chip and the stepper count both articles, and Next difference switches panes', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair, { filter: 'differ' })
    const total = await page.locator('.cmp-passage[data-kind="only"]').count()
    const onLeft = await column(page, 'left').locator('.cmp-passage[data-kind="only"]').count()
    expect(onLeft).toBeLessThan(total)
    // The noun is read out, not shown (a space before the bracket is read as nothing).
    await page.getByRole('button', { name: /^Show: Differs/ }).click()
    await expect(page.getByRole('link', { name: /Differs/ })).toHaveAccessibleName(
      new RegExp(`^Differs \\(${total} passages ?\\)$`),
    )
    await expect(page.locator('.cmp-stepper-position')).toHaveText(`${total} differences`)
    const next = page.getByRole('button', { name: 'Next difference' })
    for (let i = 0; i <= onLeft; i++) await next.click()
    await expect(page).toHaveURL(/pane=right/)
    await expect(page.locator('.cmp-stepper-position')).toHaveText(`${onLeft + 1} of ${total}`)
    const focused = page.locator(':focus')
    await expect(focused).toHaveAttribute('data-kind', 'only')
    await expect(column(page, 'right').locator(':focus')).toHaveCount(1)
    await expect.poll(() => inViewport(page, focused)).toBe(true)
  })

  test('has no accessibility violations, in the light and the dark theme, with a link selected', async ({
    page,
  }) => {
    const pair = await seedPair(page)
    await openPair(page, pair)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Next link' }).click()
    await expect(page.locator('.cmp-inspector')).toBeVisible()
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expectNoAxeViolations(page)
  })
})

test('comparing an article with itself says so instead of linking every sentence to itself', async ({
  page,
}) => {
  const pair = await seedPair(page)
  await page.goto(paths.compare.build(pair.left, pair.left))
  await expect(page.getByRole('heading', { name: 'Both sides show the same article' })).toBeVisible()
  await expect(page.locator('.cmp-passage')).toHaveCount(0)
  await page
    .getByRole('link', { name: /^Compare with / })
    .first()
    .click()
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
  await expectNoAxeViolations(page)
})

test('two articles of different stories are compared in a Web Worker, without asking for a bundled file', async ({
  page,
}) => {
  const pair = await seedPair(page)
  // Pretend the seed articles belong to different stories: no comparison file can exist for them.
  await page.route('**/data/index.json', async (route) => {
    const response = await route.fetch()
    const index = (await response.json()) as ArticleIndex
    index.stories = index.stories.map((s) => ({
      ...s,
      articleIds: s.articleIds.filter((id) => id !== pair.right),
    }))
    await route.fulfill({ response, json: index })
  })
  const compareRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/data/compare/')) compareRequests.push(r.url())
  })
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  // Arrive by navigating inside the app, so the pair's data is loaded by the browser, not the prerenderer.
  await page.goto(paths.compare.build(pair.left, pair.left))
  await page
    .getByRole('link', { name: /^Compare with / })
    .first()
    .click()
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
  expect(compareRequests).toEqual([])
  expect(workers.length).toBe(1)
  await expect(column(page, 'left').locator('.cmp-passage[data-link-ids]').first()).toBeVisible()
})

test('a shared link to a pair the build did not prerender never shows "Page not found" while it opens', async ({
  page,
}) => {
  // Two articles the bundle does not have: their address is served the app shell (404.html), whose own
  // markup is the not-found page. Every frame is checked for it until the comparison is ready.
  const { left, right } = await serveSyntheticPair(page, 20)
  await page.addInitScript(() => {
    const w = window as unknown as { __notFoundShown: boolean }
    w.__notFoundShown = false
    const check = () => {
      const title = document.getElementById('not-found-title')
      if (title?.checkVisibility({ visibilityProperty: true })) w.__notFoundShown = true
      requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  const response = await page.goto(sitePath(paths.compare.build(left.id, right.id)))
  expect(response?.status()).toBe(404)
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
  expect(await page.evaluate(() => (window as unknown as { __notFoundShown: boolean }).__notFoundShown)).toBe(
    false,
  )
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing coverage')
})

test('a pair the build did not prerender shows the site header and "Loading…" while its data downloads', async ({
  page,
}) => {
  const { left, right } = await serveSyntheticPair(page, 20)
  // The comparison file is held back until the test lets it through (registered last: it is asked first).
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/data/compare/**', async (route) => {
    await held
    await route.fallback()
  })
  await page.goto(sitePath(paths.compare.build(left.id, right.id)))
  // The app has started (its header is React's: the theme switch works) while the data is still out.
  const loading = page.getByRole('main').getByRole('status')
  await expect(loading).toHaveText('Loading…')
  await expect(page.getByRole('link', { name: 'Parallax' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0)
  await expect(page).toHaveTitle(/^Loading…/)
  const themeButton = page.getByRole('button', { name: 'Dark theme' })
  await themeButton.click()
  await expect(themeButton).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('#root')).not.toHaveAttribute('data-mounted', /.*/)
  release()
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
  await expect(loading).toHaveCount(0)
  await expect(page.locator('#root')).toHaveAttribute('data-mounted', 'rendered')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing coverage')
})

test('in a corpus of thousands of articles, the pickers list a few hundred and a search field finds the rest', async ({
  page,
}) => {
  const { left, right } = await serveSyntheticPair(page, 20, { others: 3000 })
  await page.goto(sitePath(paths.compare.build(left.id, right.id)))
  // The search field is there when the comparison is (its code loads with the page's data).
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
  const search = page.getByRole('searchbox', { name: 'Find articles to compare' })
  await expect(search).toHaveCount(1)
  const leftSelect = page.getByLabel('Left article')
  await expect(leftSelect).toHaveValue(left.id)
  expect(await leftSelect.locator('option').count()).toBeLessThanOrEqual(202)
  await expect(page.getByRole('status').filter({ hasText: 'The lists show the first 200' })).toBeVisible()
  // Enter finds; it does not compare.
  await search.fill('number 2718')
  await search.press('Enter')
  await expect(page.getByText('1 article match; the lists show it.')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/compare/${left.id}/${right.id}$`))
  await page.getByLabel('Right article').selectOption('other-2718')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/compare/${left.id}/other-2718$`))
})

test('in a corpus of thousands of articles, the comparison still works if the search field cannot be downloaded', async ({
  page,
}) => {
  const { left, right } = await serveSyntheticPair(page, 20, { others: 3000 })
  await page.route(/\/assets\/article-finder-[^/]+\.js$/, (route) => route.abort())
  await page.goto(sitePath(paths.compare.build(left.id, right.id)))
  await expect(page.locator('.cmp-workspace')).toHaveAttribute('data-compare-ready', 'true')
  await expect(page.getByRole('searchbox')).toHaveCount(0)
  // The selects list the chosen pair, and swapping sides works.
  await expect(page.getByLabel('Left article').locator('option')).toHaveCount(2)
  await page.getByRole('link', { name: 'Swap sides' }).click()
  await expect(page).toHaveURL(new RegExp(`/compare/${right.id}/${left.id}$`))
})
