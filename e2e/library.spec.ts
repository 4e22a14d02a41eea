import type { Page } from '@playwright/test'
import { searchDocumentsSchema, type ArticleIndex } from '../src/core/schema'
import { groupArticlesByStory } from '../src/features/library/library-model'
import { paths } from '../src/lib/paths'
import { expect, test } from './fixtures'
import { appMounted, loadIndex, sitePath } from './site'

/** The library against the production build and the bundled data. */

const card = (page: Page, headline: string) => page.getByRole('article', { name: headline, exact: true })

/** Opens the library and waits until it responds (the prerendered page hydrates after it shows). */
async function openLibrary(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await expect(page.locator('.library[data-ready="true"]')).toBeVisible()
}

/** The library's results line (the toast region outside <main> is a status too). */
const status = (page: Page) => page.getByRole('main').getByRole('status')

function quotesText(count: number): string {
  return count === 0 ? 'No quotes' : count === 1 ? '1 quote' : `${count} quotes`
}

test('lists each bundled article in its story with outlet, date, reading time and quote count', async ({
  page,
}) => {
  const index = await loadIndex(page.request)
  await openLibrary(page, paths.library.build())
  await expect(status(page)).toHaveText(
    `${index.articles.length} articles in ${index.stories.length} ${index.stories.length === 1 ? 'story' : 'stories'}`,
  )
  for (const story of index.stories) {
    await expect(page.getByRole('heading', { level: 2, name: story.title })).toBeVisible()
  }
  for (const a of index.articles) {
    const c = card(page, a.headline)
    await expect(c).toBeVisible()
    await expect(c.getByRole('link')).toHaveAttribute('href', sitePath(paths.article.build(a.id)))
    await expect(c).toContainText(a.outlet ?? 'Outlet not stated')
    await expect(c).toContainText(a.published ? /\d{4}/ : /Date not stated/)
    await expect(c).toContainText(/\d+ min read/)
    await expect(c.locator('.card-quote-count')).toHaveText(quotesText(a.quoteCount))
    for (const name of a.speakers.slice(0, 3)) await expect(c).toContainText(name)
  }
})

test('a story with two articles offers to compare them', async ({ page }) => {
  const index = await loadIndex(page.request)
  const story = index.stories.find((s) => s.articleIds.length >= 2)!
  await openLibrary(page, paths.library.build())
  const compare = page.getByRole('link', { name: 'Compare side by side' })
  await expect(compare).toHaveCount(index.stories.filter((s) => s.articleIds.length >= 2).length)
  const href = await compare.first().getAttribute('href')
  expect(href).toMatch(/\/compare\/[a-z0-9-]+\/[a-z0-9-]+$/)
  for (const id of href!.split('/').slice(-2)) expect(story.articleIds).toContain(id)
})

test('the whole card opens the article, not only its headline', async ({ page }) => {
  const index = await loadIndex(page.request)
  const a = index.articles[0]!
  await openLibrary(page, paths.library.build())
  // Click the card's lower corner, away from the headline text (in view: "Your articles" comes first).
  await card(page, a.headline).scrollIntoViewIfNeeded()
  const box = (await card(page, a.headline).boundingBox())!
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12)
  await expect(page).toHaveURL(new RegExp(`/article/${a.id}$`))
})

test.describe('filters', () => {
  test('filtering by outlet keeps the choice in the URL, survives a reload, and back undoes it', async ({
    page,
  }) => {
    const index = await loadIndex(page.request)
    const outlet = index.articles.find((a) => a.outlet)!.outlet!
    const expected = index.articles.filter((a) => a.outlet === outlet)
    await openLibrary(page, paths.library.build())
    await page.getByLabel('Outlet').selectOption({ value: outlet })
    await expect(page).toHaveURL(
      new RegExp(`[?&]outlet=${encodeURIComponent(outlet).replace(/%20/g, '(\\+|%20)')}`),
    )
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(expected.length)
    await expect(status(page)).toContainText(`of ${index.articles.length} articles`)
    await page.reload()
    await expect(page.getByLabel('Outlet')).toHaveValue(outlet)
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(expected.length)
    await page.goBack()
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(index.articles.length)
  })

  test('"Outlet not stated" finds the articles whose outlet is unknown', async ({ page }) => {
    const index = await loadIndex(page.request)
    const unknown = index.articles.filter((a) => !a.outlet)
    test.skip(unknown.length === 0, 'every bundled article names its outlet')
    await openLibrary(page, paths.library.build({ outlet: 'not-stated' }))
    await expect(page.getByLabel('Outlet')).toHaveValue('not-stated')
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(unknown.length)
  })

  test('filtering by a person quoted shows the articles quoting them', async ({ page }) => {
    const index = await loadIndex(page.request)
    const name = index.articles.flatMap((a) => a.speakers)[0]
    expect(name, 'the bundled articles quote someone').toBeDefined()
    const expected = index.articles.filter((a) => a.speakers.includes(name!))
    await openLibrary(page, paths.library.build())
    await page.getByLabel('Person quoted').selectOption({ value: name! })
    await expect(page).toHaveURL(/[?&]speaker=/)
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(expected.length)
  })

  test('nothing matching says so and "Clear filters" brings everything back', async ({ page }) => {
    const index = await loadIndex(page.request)
    await openLibrary(page, paths.library.build({ q: 'zzqxjv' }))
    await expect(page.getByText('No articles match your search and filters.')).toBeVisible()
    await expect(status(page)).toHaveText('No articles match.')
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(index.articles.length)
    await expect(page.getByRole('searchbox')).toBeFocused()
  })
})

test.describe('filters from a link, and together', () => {
  test('a link naming an outlet or person nobody in the library has says so, instead of offering them with (0)', async ({
    page,
  }) => {
    await openLibrary(page, paths.library.build({ outlet: 'No Such Gazette' }))
    await expect(status(page)).toHaveText('No outlet named “No Such Gazette” in the library.')
    await expect(page.getByLabel('Outlet').locator('option:checked')).toHaveText(
      'No outlet named “No Such Gazette”',
    )
    await expect(page.getByRole('option', { name: /No Such Gazette \(0\)/ })).toHaveCount(0)
    await openLibrary(page, paths.library.build({ speaker: 'Nobody Atall' }))
    await expect(status(page)).toHaveText('No one named “Nobody Atall” is quoted in the library.')
  })

  test('each filter counts its choices among what the other filters leave, so no choice shows nothing', async ({
    page,
  }) => {
    const index = await loadIndex(page.request)
    // A person quoted by fewer articles than the library holds: the outlets left are only theirs.
    const name = index.articles
      .flatMap((a) => a.speakers)
      .find((n) => index.articles.filter((a) => a.speakers.includes(n)).length < index.articles.length)
    test.skip(!name, 'every bundled person is quoted in every article')
    const quoting = index.articles.filter((a) => a.speakers.includes(name!))
    await openLibrary(page, paths.library.build({ speaker: name! }))
    const outlets = page.getByLabel('Outlet').locator('option:not([value=""])')
    await expect(outlets).toHaveCount(new Set(quoting.map((a) => a.outlet ?? '')).size)
    for (const a of quoting) {
      await expect(outlets.filter({ hasText: a.outlet ?? 'Outlet not stated' })).toHaveText(/\(\d+\)$/)
    }
    await outlets
      .first()
      .evaluate((o: HTMLOptionElement) => o.value)
      .then(async (value) => {
        await page.getByLabel('Outlet').selectOption(value)
      })
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible()
  })

  test('a date range keeps the articles published within it, and the range is in the address', async ({
    page,
  }) => {
    const index = await loadIndex(page.request)
    const dated = index.articles.filter((a) => a.published !== null)
    test.skip(dated.length === 0, 'no bundled article states its date')
    const day = dated[0]!.published!.slice(0, 10)
    await openLibrary(page, paths.library.build())
    await page.getByLabel('From').fill(day)
    await page.getByLabel('to', { exact: true }).fill(day)
    await expect(page).toHaveURL(new RegExp(`from=${day}.*to=${day}|to=${day}.*from=${day}`))
    const expected = dated.filter((a) => a.published!.slice(0, 10) === day)
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(expected.length)
    for (const a of expected) await expect(card(page, a.headline)).toBeVisible()
  })

  test('a person chosen in the library stays in focus in the article opened from it', async ({ page }) => {
    const index = await loadIndex(page.request)
    const article = index.articles.find((a) => a.speakers.length > 1) ?? index.articles[0]!
    const name = article.speakers.at(-1)!
    await openLibrary(page, paths.library.build({ speaker: name }))
    await card(page, article.headline).getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(article.headline)
    await expect(page).toHaveURL(/[?&]speaker=/)
    await expect(
      page.getByRole('list', { name: 'People quoted' }).getByRole('button', { pressed: true }),
    ).toContainText(name)
  })
})

test('the address /index.html shows the library, not "Page not found"', async ({ page }) => {
  await page.goto(sitePath('/index.html'))
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.locator('.library[data-ready="true"]')).toBeVisible()
})

test('bidirectional control characters from the address never reach the search box or the title', async ({
  page,
}) => {
  await openLibrary(page, `${paths.library.build()}?q=${encodeURIComponent('abc\u202Eevil\u2066x\u2069')}`)
  const value = await page.getByRole('searchbox').inputValue()
  expect(value).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
  expect(value).toContain('evil')
  expect(await page.title()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
})

test.describe('search', () => {
  async function searchable(page: Page): Promise<{ index: ArticleIndex; word: string; id: string }> {
    const index = await loadIndex(page.request)
    const response = await page.request.get(sitePath(paths.data.search()))
    expect(response.status(), 'data/search.json is built').toBe(200)
    const docs = searchDocumentsSchema.parse(await response.json())
    // A distinctive word from one article's body (not its headline): proves the body is searched.
    for (const doc of docs) {
      const others = docs
        .filter((d) => d.id !== doc.id)
        .map((d) => `${d.headline} ${d.deck} ${d.body}`.toLowerCase())
      const word = doc.body
        .split(/[^A-Za-z]+/)
        .find(
          (w) =>
            w.length >= 7 &&
            !doc.headline.toLowerCase().includes(w.toLowerCase()) &&
            others.every((o) => !o.includes(w.toLowerCase())),
        )
      if (word) return { index, word, id: doc.id }
    }
    throw new Error('no article has a word of its own')
  }

  test('does not download the search index until someone searches', async ({ page }) => {
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    await openLibrary(page, paths.library.build())
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect(requested.some((p) => p.endsWith('/data/search.json'))).toBe(false)
    expect(requested.some((p) => /minisearch|search-index|search\.worker|search-worker/.test(p))).toBe(false)
    expect(page.workers()).toHaveLength(0)
  })

  test('finds an article by a word in its body, keeps the query in the URL, and announces the count', async ({
    page,
  }) => {
    const { index, word, id } = await searchable(page)
    const headline = index.articles.find((a) => a.id === id)!.headline
    await openLibrary(page, paths.library.build())
    await page.getByRole('searchbox', { name: 'Search headlines and text' }).fill(word)
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`))
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(1)
    await expect(card(page, headline)).toBeVisible()
    // The index is built and queried off the main thread.
    expect(page.workers().some((w) => /search\.worker/.test(w.url()))).toBe(true)
    await expect(status(page)).toHaveText(`Showing 1 of ${index.articles.length} articles for “${word}”`)
    // A shared link opens on the same results.
    await page.goto(page.url())
    await expect(page.getByRole('searchbox')).toHaveValue(word)
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(1)
  })

  test('shows under each result the sentence that matched, with the searched word marked', async ({
    page,
  }) => {
    const { index, word, id } = await searchable(page)
    const headline = index.articles.find((a) => a.id === id)!.headline
    await openLibrary(page, paths.library.build({ q: word }))
    const match = card(page, headline).locator('.card-match')
    await expect(match).toContainText(word)
    await expect(match.locator('mark')).toHaveText([word])
  })

  test('a search matching nothing offers to clear it', async ({ page }) => {
    await openLibrary(page, paths.library.build({ q: 'zzqxjv' }))
    await expect(page.getByText('No articles match your search and filters.')).toBeVisible()
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(page.getByRole('searchbox')).toHaveValue('')
  })
})

test.describe('a large library', () => {
  /** A synthetic index of 10,000 articles (test data only), served in place of the bundled one. */
  function syntheticIndex(n: number): ArticleIndex {
    const articles = Array.from({ length: n }, (_, i) => ({
      id: `synthetic-${i + 1}`,
      storyId: `story-${Math.floor(i / 4) + 1}`,
      outlet: i % 3 === 0 ? null : `Outlet ${i % 7}`,
      kicker: i % 5 === 0 ? 'Synthetic' : null,
      headline: `Synthetic article number ${i + 1}`,
      deck:
        i % 2 === 0
          ? `A deck that runs a little longer for article ${i + 1}, so that cards differ in height.`
          : null,
      byline: null,
      published: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      wordCount: 300 + (i % 900),
      quoteCount: i % 6,
      speakers: i % 6 === 0 ? [] : ['Person A', 'Person B'].slice(0, (i % 2) + 1),
    }))
    const stories = Array.from({ length: Math.ceil(n / 4) }, (_, s) => ({
      id: `story-${s + 1}`,
      title: `Synthetic story ${s + 1}`,
      date: `2020-02-${String((s % 28) + 1).padStart(2, '0')}`,
      articleIds: articles.slice(s * 4, s * 4 + 4).map((a) => a.id),
    }))
    return { schemaVersion: 1, stories, articles }
  }

  /**
   * The prerendered library holds the bundled articles, so it cannot hydrate with other data: arrive from
   * another page instead, as a reader moving around the app would (a route change renders on the client).
   */
  async function openLibraryWith(page: Page, index: ArticleIndex) {
    await page.route('**/data/index.json', (route) => route.fulfill({ json: index }))
    await page.goto('/no-such-page')
    // Before the app runs, the link is a plain link: the click would load the prerendered library.
    await appMounted(page)
    await page.getByRole('link', { name: 'Go to the library' }).click()
  }

  test('renders only what is near the screen and reaches the last story by scrolling', async ({ page }) => {
    const index = syntheticIndex(10_000)
    await openLibraryWith(page, index)
    await expect(status(page)).toHaveText('10,000 articles in 2,500 stories')
    await expect(page.locator('.story-list-virtual')).toBeVisible()
    const rendered = await page.getByRole('main').getByRole('article').count()
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThan(120)
    // Items say where they are in their story even though most are not in the document.
    await expect(page.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '4')
    const last = groupArticlesByStory(index).at(-1)!
    await expect(page.getByRole('heading', { level: 2, name: last.title, exact: true })).toHaveCount(0)
    // Scroll in steps, as a reader would, so rows are measured on the way.
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(100)
    }
    await expect(page.getByRole('heading', { level: 2, name: last.title, exact: true })).toBeInViewport()
    expect(await page.getByRole('main').getByRole('article').count()).toBeLessThan(120)
  })

  test('searching 10,000 articles finds the one asked for', async ({ page, context }) => {
    const index = syntheticIndex(10_000)
    const docs = index.articles.map((a) => ({
      id: a.id,
      headline: a.headline,
      deck: a.deck ?? '',
      body: `Body of ${a.headline.toLowerCase()} with some words about harbours, rivers and councils.`,
    }))
    // The worker fetches search.json: route it for the whole context, not only the page.
    await context.route('**/data/search.json', (route) => route.fulfill({ json: docs }))
    await openLibraryWith(page, index)
    await page.getByRole('searchbox').fill('number 9876')
    await expect(status(page)).toHaveText('Showing 1 of 10,000 articles for “number 9876”', {
      timeout: 20_000,
    })
    await expect(card(page, 'Synthetic article number 9876')).toBeVisible()
  })

  test('keyboard focus walks from card to card through the virtualised list', async ({ page }) => {
    await openLibraryWith(page, syntheticIndex(2_000))
    await expect(page.locator('.story-list-virtual')).toBeVisible()
    await page.getByRole('main').getByRole('article').first().getByRole('link').focus()
    const seen = new Set<string>()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '')
      seen.add(name)
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'))
      expect(inMain, `focus left the list after ${i + 1} tabs`).toBe(true)
    }
    expect(seen.size).toBeGreaterThan(20)
  })
})

test.describe('when the library data fails', () => {
  test.use({ allowedConsoleErrors: [/status of 500/] })

  test('a clear error with "Try again" replaces the list, and the header keeps working', async ({ page }) => {
    const index = await loadIndex(page.request)
    let broken = true
    await page.route('**/data/index.json', (route) =>
      broken ? route.fulfill({ status: 500, body: '' }) : route.continue(),
    )
    // Arrive from another page: the prerendered library already holds the list.
    await page.goto('/no-such-page')
    // Before the app runs, the link is a plain link: the click would load the prerendered library.
    await appMounted(page)
    await page.getByRole('link', { name: 'Go to the library' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded')
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeEnabled()
    broken = false
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(index.articles.length)
  })
})
