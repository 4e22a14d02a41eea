/**
 * Adding an article of one's own (issue 20), in real Chromium against the production build: paste and
 * open files, the preview and its corrections, IndexedDB across a reload, the reader, delete and undo,
 * export and import into a fresh context, and the bad inputs (each a clear message, nothing stored).
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { paths } from '../src/lib/paths'
import { expect, test } from './fixtures'

const fixturePath = (name: string) =>
  new URL(`../src/features/add/fixtures/${name}`, import.meta.url).pathname
const ferryText = readFileSync(fixturePath('harbour-ferry.txt'), 'utf8')
const FERRY = 'Harbour ferry returns after winter repairs'
const LIBRARY = 'Town library reopens with longer hours'

async function openAdd(page: Page): Promise<void> {
  await page.goto(paths.add.build())
  await expect(page.getByRole('heading', { level: 1, name: 'Add an article' })).toBeVisible()
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByLabel('Article text').fill(text)
  await page.getByRole('button', { name: 'Read the pasted text' }).click()
}

const preview = (page: Page) => page.locator('.add-preview')
const alert = (page: Page) => page.locator('.add-error')

async function storedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('parallax-own')
        // Never create the database here: the app must be the one to.
        open.onupgradeneeded = () => open.transaction?.abort()
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(0) : reject(open.error))
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('articles')) return resolve(0)
          const count = db.transaction('articles').objectStore('articles').count()
          count.onsuccess = () => resolve(count.result)
        }
      }),
  )
}

async function dropFile(page: Page, name: string, type: string): Promise<void> {
  const content = readFileSync(fixturePath(name), 'utf8')
  const transfer = await page.evaluateHandle(
    ([text, fileName, mime]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], fileName, { type: mime }))
      return dt
    },
    [content, name, type] as const,
  )
  await page.getByTestId('add-drop').dispatchEvent('drop', { dataTransfer: transfer })
}

test('a pasted article shows its quotes highlighted with their speakers, and the lines left out', async ({
  page,
}) => {
  await openAdd(page)
  await paste(page, ferryText)
  await expect(preview(page).locator('.add-headline')).toHaveText(FERRY)
  const marks = preview(page).locator('mark.quote')
  await expect(marks).toHaveCount(2)
  await expect(marks.first()).toContainText('We have replaced both engines')
  await expect(preview(page).locator('.add-quote-list')).toContainText('Tomas Eriksen')
  await expect(preview(page).locator('.add-quote-list')).toContainText('Elin Berg')
  await preview(page)
    .getByText(/^Lines left out/)
    .click()
  await expect(
    preview(page).locator('.add-removed li', { hasText: 'Share this article on Facebook' }),
  ).toBeVisible()
})

test('a dropped HTML page is read without running its script; a fixed headline and date are kept, marked as the reader’s', async ({
  page,
}) => {
  await openAdd(page)
  const title = await page.title()
  await dropFile(page, 'library-opening.html', 'text/html')
  await expect(preview(page).locator('.add-headline')).toHaveText(LIBRARY)
  await expect(preview(page).locator('mark.quote')).toHaveCount(2)
  expect(await page.title()).toBe(title)

  // The second line offered: a line of the body, as short lines are.
  await page.getByLabel('Another line as the headline').selectOption({ index: 1 })
  await expect(preview(page).locator('.add-headline')).not.toHaveText(LIBRARY)
  const chosen = await preview(page).locator('.add-headline').textContent()
  expect(chosen).not.toBe(LIBRARY)
  await expect(preview(page).getByText('(your correction)')).toHaveCount(1)
  await page.getByLabel('Correct the date').fill('2026-02-03')
  await expect(preview(page).getByText('(your correction)')).toHaveCount(2)

  await page.getByRole('button', { name: 'Save to your articles' }).click()
  await expect(page).toHaveURL(/\/mine\//)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chosen ?? '')
  await expect(page.getByText(/Headline chosen by you/)).toBeVisible()
  await expect(page.getByText(/Date corrected by you/)).toBeVisible()
})

test('a saved article survives a reload, opens in the reader, and can be deleted and restored', async ({
  page,
}) => {
  await openAdd(page)
  await paste(page, ferryText)
  await page.getByRole('button', { name: 'Save to your articles' }).click()
  await expect(page).toHaveURL(/\/mine\/harbour-ferry-returns-after-winter-repairs$/)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FERRY)
  await expect(page.locator('mark.quote')).toHaveCount(2)
  // The reader's own links stay on this article: none leads to a bundled article's address.
  await expect(page.locator('.reader[data-ready="true"]')).toBeVisible()
  await expect(page.locator('main a[href*="/article/"]')).toHaveCount(0)
  await page.getByRole('list', { name: 'People quoted' }).getByRole('button').first().click()
  await expect(page).toHaveURL(/\/mine\/harbour-ferry-returns-after-winter-repairs\?speaker=/)

  await page.goto(paths.library.build())
  const section = page.getByRole('region', { name: 'Your articles' })
  await expect(section.getByRole('link', { name: FERRY })).toBeVisible()
  await section.getByRole('button', { name: `Delete “${FERRY}”` }).click()
  await expect(section.getByRole('link', { name: FERRY })).toHaveCount(0)
  expect(await storedCount(page)).toBe(0)
  await section.getByRole('button', { name: 'Undo' }).click()
  await expect(section.getByRole('link', { name: FERRY })).toBeVisible()
  await section.getByRole('link', { name: FERRY }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FERRY)
})

test('an export imports into a fresh browser; a damaged file imports nothing and says what is wrong', async ({
  page,
  browser,
}, testInfo) => {
  await openAdd(page)
  await paste(page, ferryText)
  await page.getByRole('button', { name: 'Save to your articles' }).click()
  await expect(page).toHaveURL(/\/mine\//)
  await page.goto(paths.library.build())
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export your articles' }).click()
  const file = testInfo.outputPath('export.json')
  await (await download).saveAs(file)

  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const other = await fresh.newPage()
  await other.goto(paths.library.build())
  const section = other.getByRole('region', { name: 'Your articles' })
  const damaged = JSON.parse(readFileSync(file, 'utf8'))
  damaged.articles[0].article.sourceUrl = 'javascript:alert(1)'
  await section.getByLabel('Import a file').setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(damaged)),
  })
  await expect(section.getByRole('status')).toContainText('Nothing was imported')
  await expect(section.getByRole('status')).toContainText('sourceUrl')
  expect(await storedCount(other)).toBe(0)

  await section.getByLabel('Import a file').setInputFiles(file)
  await expect(section.getByRole('status')).toHaveText('Imported 1 article.')
  await section.getByRole('link', { name: FERRY }).click()
  await expect(other.locator('mark.quote')).toHaveCount(2)
  await fresh.close()
})

test('an own article this browser does not hold says so', async ({ page }) => {
  await page.goto(paths.own.build('never-added-here'))
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})

test.describe('bad input gets a clear message and nothing is stored', () => {
  test('empty, huge, binary, no article, too deep, javascript: URL', async ({ page }) => {
    await openAdd(page)
    await page.getByRole('button', { name: 'Read the pasted text' }).click()
    await expect(alert(page)).toHaveText(/Paste the text of an article first/)

    await page.getByLabel('Article text').evaluate((el, n) => {
      const data = new DataTransfer()
      data.setData('text/plain', 'word '.repeat(n))
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, 1_000_000)
    await expect(page.getByLabel('Article text')).toHaveValue('')
    await expect(alert(page)).toHaveText(/5,000,000 characters long/)

    const input = page.getByLabel(/Or open a saved page or text file/)
    await input.setInputFiles({
      name: 'photo.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    })
    await expect(alert(page)).toHaveText(/not UTF-8 text/)

    await input.setInputFiles({
      name: 'menu.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!doctype html><title>Home</title><nav>Home</nav>'),
    })
    await expect(alert(page)).toHaveText(/No article could be made from this|no article was found/)

    const deep = `<html><body>${'<div>'.repeat(5000)}text${'</div>'.repeat(5000)}</body></html>`
    await input.setInputFiles({ name: 'deep.html', mimeType: 'text/html', buffer: Buffer.from(deep) })
    await expect(alert(page)).toHaveText(/nested more than 200 levels deep/)

    await page.getByLabel('Original URL').fill('javascript:alert(document.domain)')
    await paste(page, ferryText)
    await expect(alert(page)).toHaveText(/must be a web address starting with http/)
    await expect(preview(page)).toHaveCount(0)
    expect(await storedCount(page)).toBe(0)
  })

  test('script in every field stays text', async ({ page }) => {
    const payload = '<img src=x onerror="document.title=\'pwned\'">'
    await openAdd(page)
    await page.getByLabel('Outlet').fill(payload)
    await paste(
      page,
      `${payload} Ferry headline\n\nBy ${payload}\n\n"${payload} is quoted here," said Ana Lind.\n\nA second paragraph about ${payload} and the harbour today.`,
    )
    await expect(preview(page)).toBeVisible()
    await expect(preview(page)).toContainText('onerror=')
    await page.getByRole('button', { name: 'Save to your articles' }).click()
    await expect(page).toHaveURL(/\/mine\//)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('onerror=')
    expect(await page.title()).not.toBe('pwned')
    expect(await page.locator('img[src="x"]').count()).toBe(0)
  })
})

test('a link that carries the article opens in a fresh browser, and can be kept there', async ({
  browser,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL
  const sender = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] })
  const page = await sender.newPage()
  await openAdd(page)
  await paste(page, ferryText)
  await page.getByRole('button', { name: 'Save to your articles' }).click()
  await expect(page).toHaveURL(/\/mine\//)
  await page.getByRole('button', { name: 'Copy a link that carries this article' }).click()
  await expect(page.getByText(/Link copied/)).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toMatch(/\/shared#[A-Za-z0-9_-]+$/)
  await sender.close()

  const receiver = await browser.newContext({ baseURL })
  const other = await receiver.newPage()
  await other.goto(link)
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(FERRY)
  await expect(other.locator('mark.quote')).toHaveCount(2)
  expect(await storedCount(other)).toBe(0)
  await other.getByRole('button', { name: 'Keep in your articles' }).click()
  await expect(other).toHaveURL(/\/mine\/harbour-ferry-returns-after-winter-repairs$/)
  expect(await storedCount(other)).toBe(1)

  await other.goto(`${paths.shared.build('')}not-a-payload!`)
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('This link cannot be opened')
  await receiver.close()
})
