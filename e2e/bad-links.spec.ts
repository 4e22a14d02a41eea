import { expect, test, type Page } from '@playwright/test'
import { createSelector, encodeSelector } from '../src/core/selectors'
import { articleSchema, type Article, type ArticleIndex } from '../src/core/schema'
import { paths } from '../src/lib/paths'
import { appMounted, loadIndex, settle, siteBase, sitePath } from './site'

/**
 * Hostile and broken links: unknown ids, damaged selectors, markup and `javascript:` in every
 * parameter, very long values, percent-encoding tricks, look-alike Unicode. Each must end in a
 * friendly page (not-found, or the page with a "not in this article" notice, or the page itself when
 * the odd value is harmless): never a blank page, an uncaught error, a console error or a dialog,
 * and never an element or handler made from the link.
 */

type Outcome =
  /** The not-found page. */
  | 'not-found'
  /** The article, unchanged. */
  | 'article'
  /** The article, with a notice that what the link points to is not in it. */
  | 'article-notice'
  /** The comparison. */
  | 'compare'
  /** The library. */
  | 'library'

type Fixture = { a: Article; b: Article; index: ArticleIndex }
type BadLink = { name: string; outcome: Outcome; url: (f: Fixture) => string }

const long = (unit: string, length = 10_000) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
const q = encodeURIComponent

const article = (f: Fixture, query = '') => `${sitePath(paths.article.build(f.a.id))}${query}`
const compare = (f: Fixture, query = '') => `${sitePath(paths.compare.build(f.a.id, f.b.id))}${query}`
const library = (query: string) => `${sitePath('/')}${query}`

/** A real selector for a passage of the article, as a reader's "copy link" would make it. */
function selectorParam(f: Fixture): string {
  const p = f.a.paragraphs.find((x) => x.text.length > 40) ?? f.a.paragraphs[0]!
  return encodeSelector(createSelector(p.text, 5, Math.min(p.text.length, 35), p.id)!)
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}

const XSS_SCRIPT = '<script>alert(1)</script>'
const XSS_IMG = '"><img src=x onerror=alert(1)>'
const XSS_SVG = '<svg onload=alert(1)>'
const JS_URL = 'javascript:alert(document.domain)'

const badLinks: BadLink[] = [
  // Unknown or malformed ids
  { name: 'an unknown article id', outcome: 'not-found', url: () => sitePath('/article/no-such-article') },
  {
    name: 'an article id in capitals',
    outcome: 'not-found',
    url: (f) => sitePath(`/article/${f.a.id.toUpperCase()}`),
  },
  { name: 'an empty article id', outcome: 'not-found', url: () => sitePath('/article/') },
  {
    name: 'an article id with extra path segments',
    outcome: 'not-found',
    url: (f) => sitePath(`/article/${f.a.id}/extra/x`),
  },
  {
    name: 'an article id with .json appended',
    outcome: 'not-found',
    url: (f) => sitePath(`/article/${f.a.id}.json`),
  },
  {
    name: 'an article id with an encoded slash',
    outcome: 'not-found',
    url: (f) => sitePath(`/article/${f.a.id}%2Fx`),
  },
  {
    name: 'a comparison of two unknown ids',
    outcome: 'not-found',
    url: () => sitePath('/compare/no-such/other'),
  },
  {
    name: 'a comparison with one unknown id',
    outcome: 'not-found',
    url: (f) => sitePath(`/compare/${f.a.id}/no-such`),
  },
  {
    name: 'a comparison with one id missing',
    outcome: 'not-found',
    url: (f) => sitePath(`/compare/${f.a.id}`),
  },
  {
    name: 'a comparison of an article with itself',
    outcome: 'compare',
    url: (f) => sitePath(`/compare/${f.a.id}/${f.a.id}`),
  },

  // Markup and script in every parameter
  {
    name: 'a script tag as the article id',
    outcome: 'not-found',
    url: () => sitePath(`/article/${q(XSS_SCRIPT)}`),
  },
  {
    name: 'an image with onerror as the article id',
    outcome: 'not-found',
    url: () => sitePath(`/article/${q(XSS_IMG)}`),
  },
  {
    name: 'an svg with onload as a compared id',
    outcome: 'not-found',
    url: (f) => sitePath(`/compare/${q(XSS_SVG)}/${f.a.id}`),
  },
  { name: 'a script tag as the search', outcome: 'library', url: () => library(`?q=${q(XSS_SCRIPT)}`) },
  { name: 'an image with onerror as the search', outcome: 'library', url: () => library(`?q=${q(XSS_IMG)}`) },
  {
    name: 'a script tag as the outlet filter',
    outcome: 'library',
    url: () => library(`?outlet=${q(XSS_SCRIPT)}`),
  },
  {
    name: 'an image with onerror as the speaker filter',
    outcome: 'library',
    url: () => library(`?speaker=${q(XSS_IMG)}`),
  },
  {
    name: 'a script tag as the paragraph',
    outcome: 'article-notice',
    url: (f) => article(f, `?paragraph=${q(XSS_SCRIPT)}`),
  },
  {
    name: 'an svg with onload as the quote',
    outcome: 'article-notice',
    url: (f) => article(f, `?quote=${q(XSS_SVG)}`),
  },
  {
    name: 'an iframe with a javascript: source as the speaker',
    outcome: 'article-notice',
    url: (f) => article(f, `?speaker=${q('<iframe src="javascript:alert(1)">')}`),
  },
  {
    name: 'a script tag as the selection',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=${q(XSS_SCRIPT)}`),
  },
  {
    name: 'a script tag as the comparison link',
    outcome: 'compare',
    url: (f) => compare(f, `?link=${q(XSS_SCRIPT)}`),
  },
  {
    name: 'an image with onerror as the comparison filter',
    outcome: 'compare',
    url: (f) => compare(f, `?filter=${q(XSS_IMG)}`),
  },
  {
    name: 'a script tag as the comparison pane',
    outcome: 'compare',
    url: (f) => compare(f, `?pane=${q(XSS_SCRIPT)}`),
  },
  { name: 'markup in the address fragment', outcome: 'library', url: () => library(`#${q(XSS_IMG)}`) },
  {
    name: 'a script tag in an article link’s fragment',
    outcome: 'article',
    url: (f) => article(f, `#${q(XSS_SCRIPT)}`),
  },

  // javascript: and data: values
  { name: 'a javascript: URL as the search', outcome: 'library', url: () => library(`?q=${q(JS_URL)}`) },
  {
    name: 'a data: URL as the outlet filter',
    outcome: 'library',
    url: () => library(`?outlet=${q(`data:text/html,${XSS_SCRIPT}`)}`),
  },
  {
    name: 'a javascript: URL as the article id',
    outcome: 'not-found',
    url: () => sitePath(`/article/${q(JS_URL)}`),
  },
  {
    name: 'a javascript: URL as the paragraph',
    outcome: 'article-notice',
    url: (f) => article(f, `?paragraph=${q(JS_URL)}`),
  },
  {
    name: 'a javascript: URL as the comparison link',
    outcome: 'compare',
    url: (f) => compare(f, `?link=${q(JS_URL)}`),
  },

  // Damaged selections (?sel=)
  { name: 'an empty selection', outcome: 'article', url: (f) => article(f, '?sel=') },
  {
    name: 'a selection with a version and nothing else',
    outcome: 'article-notice',
    url: (f) => article(f, '?sel=1.'),
  },
  {
    name: 'a selection with characters outside its alphabet',
    outcome: 'article-notice',
    url: (f) => article(f, '?sel=1.%21%21%21%21'),
  },
  {
    name: 'a selection cut in half by a chat app',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=${selectorParam(f).slice(0, Math.floor(selectorParam(f).length / 2))}`),
  },
  {
    name: 'a selection missing its last character',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=${selectorParam(f).slice(0, -1)}`),
  },
  {
    name: 'a selection from an unknown format version',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=9${selectorParam(f).slice(1)}`),
  },
  {
    name: 'a well-formed selection of a passage the article does not contain',
    outcome: 'article-notice',
    url: (f) =>
      article(
        f,
        `?sel=${encodeSelector(createSelector('Zebras quietly annexed the moon on Tuesday.', 0, 43, 'p1')!)}`,
      ),
  },
  {
    name: 'a selection that decodes to an object instead of the expected list',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=1.${base64url('{"__proto__":{"polluted":true},"paragraphId":"p1"}')}`),
  },
  {
    name: 'a selection whose paragraph id is markup',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=1.${base64url(JSON.stringify([XSS_IMG, 0, '', 'x', '']))}`),
  },
  {
    name: 'a valid selection followed by a second, damaged one',
    outcome: 'article',
    url: (f) => article(f, `?sel=${selectorParam(f)}&sel=garbage`),
  },

  // Very long values (10,000 characters)
  { name: 'a 10,000-character search', outcome: 'library', url: () => library(`?q=${long('a')}`) },
  {
    name: 'a 10,000-character search of emoji',
    outcome: 'library',
    url: () => library(`?q=${q(long('😀'))}`),
  },
  {
    name: 'a 10,000-character selection',
    outcome: 'article-notice',
    url: (f) => article(f, `?sel=1.${long('A')}`),
  },
  {
    name: 'a 10,000-character paragraph id',
    outcome: 'article-notice',
    url: (f) => article(f, `?paragraph=${long('p1')}`),
  },
  {
    name: 'a 10,000-character article id',
    outcome: 'not-found',
    url: () => sitePath(`/article/${long('a')}`),
  },
  {
    name: 'a 10,000-character comparison link',
    outcome: 'compare',
    url: (f) => compare(f, `?link=${long('l1')}`),
  },

  // Percent-encoding tricks
  {
    name: 'an encoded path traversal',
    outcome: 'not-found',
    url: () => sitePath('/article/%2e%2e%2f%2e%2e%2fetc%2fpasswd'),
  },
  {
    name: 'an encoded traversal with plain dots',
    outcome: 'not-found',
    url: () => sitePath('/article/..%2f..%2f..%2f..%2fetc%2fpasswd'),
  },
  {
    name: 'an encoded NUL byte as the article id',
    outcome: 'not-found',
    url: () => sitePath('/article/%00'),
  },
  {
    name: 'a double-encoded traversal',
    outcome: 'not-found',
    url: () => sitePath('/article/%252e%252e%252f'),
  },
  {
    name: 'a truncated UTF-8 sequence as the article id',
    outcome: 'not-found',
    url: () => sitePath('/article/%E0%A4%A'),
  },
  {
    name: 'bytes that are not UTF-8 as the article id',
    outcome: 'not-found',
    url: () => sitePath('/article/%ff%fe'),
  },
  { name: 'a lone percent sign as the article id', outcome: 'not-found', url: () => sitePath('/article/%') },
  { name: 'an encoded NUL byte as the search', outcome: 'library', url: () => library('?q=%00') },
  { name: 'a truncated UTF-8 sequence as the search', outcome: 'library', url: () => library('?q=%E0%A4%A') },
  {
    name: 'an encoded traversal as the paragraph',
    outcome: 'article-notice',
    url: (f) => article(f, '?paragraph=%2e%2e%2f'),
  },
  {
    name: 'needlessly encoded letters in a real article id',
    outcome: 'article',
    url: (f) => sitePath(`/article/%${f.a.id.charCodeAt(0).toString(16)}${f.a.id.slice(1)}`),
  },
  {
    name: 'regular-expression characters as the search',
    outcome: 'library',
    url: () => library(`?q=${q('(((([[*+?^${}|\\')}`),
  },

  // Unicode look-alikes and controls
  {
    name: 'a full-width look-alike of a real article id',
    outcome: 'not-found',
    url: (f) =>
      sitePath(
        `/article/${q(f.a.id.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))}`,
      ),
  },
  {
    name: 'a real article id with a zero-width space',
    outcome: 'not-found',
    url: (f) => sitePath(`/article/${f.a.id}%E2%80%8B`),
  },
  {
    name: 'a dotted capital I as the article id',
    outcome: 'not-found',
    url: () => sitePath(`/article/${q('İstanbul')}`),
  },
  {
    name: 'a right-to-left override in the search',
    outcome: 'library',
    url: () => library(`?q=${q('\u202Egnp.exe')}`),
  },
  {
    name: 'an emoji as the speaker',
    outcome: 'article-notice',
    url: (f) => article(f, `?speaker=${q('😀')}`),
  },

  // Ids that are well-formed but name nothing
  { name: 'paragraph zero', outcome: 'article-notice', url: (f) => article(f, '?paragraph=p0') },
  { name: 'a quote that does not exist', outcome: 'article-notice', url: (f) => article(f, '?quote=q99999') },
  {
    name: 'an unknown comparison filter and pane',
    outcome: 'compare',
    url: (f) => compare(f, '?filter=bogus&pane=middle'),
  },
  {
    name: 'an outlet no article comes from',
    outcome: 'library',
    url: () => library(`?outlet=${q('No Such Outlet')}`),
  },
]

/** Opens a link and records what a hostile link could cause: dialogs, console errors, crashes. */
async function open(page: Page, url: string) {
  const dialogs: string[] = []
  const errors: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    // Chrome logs every 4xx response, the page's own 404 included; that is the server's answer, not an app error.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return
    errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`))
  await page.goto(url)
  await appMounted(page)
  await settle(page)
  return { dialogs, errors }
}

test.describe('bad links end in a friendly page', () => {
  let fixture: Fixture
  test.beforeAll(async ({ request }) => {
    const index = await loadIndex(request)
    const story = index.stories.find((s) => s.articleIds.length >= 2)
    if (!story) throw new Error('bad-links needs a story with two articles')
    const get = async (id: string) =>
      articleSchema.parse(await (await request.get(sitePath(paths.data.article(id)))).json())
    fixture = { index, a: await get(story.articleIds[0]!), b: await get(story.articleIds[1]!) }
  })

  test('there are at least 50 of them', () => {
    expect(badLinks.length).toBeGreaterThanOrEqual(50)
    expect(new Set(badLinks.map((l) => l.name)).size).toBe(badLinks.length)
  })

  for (const link of badLinks) {
    test(`${link.name}: ${link.outcome}`, async ({ page }) => {
      // Under a sub-path, only what reaches the server differently is worth the time: addresses whose
      // path is bad (nginx's 400/404/414 handling at the base). Query values behave the same at any base.
      test.skip(siteBase() !== '/' && link.outcome !== 'not-found', 'base-independent; covered at the root')
      const { dialogs, errors } = await open(page, link.url(fixture))
      const main = page.getByRole('main')

      // Never blank: a heading and some words.
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      expect(((await main.textContent()) ?? '').trim().length).toBeGreaterThan(20)

      switch (link.outcome) {
        case 'not-found':
          await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
          await expect(main.getByRole('link', { name: /library/i }).first()).toBeVisible()
          break
        case 'article':
        case 'article-notice':
          await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(fixture.a.headline)
          if (link.outcome === 'article-notice') {
            await expect(
              main
                .locator('[role="status"], [role="alert"], .notice')
                .filter({ hasText: /in this article|no longer|passage|not found|could not/i })
                .first(),
              'a notice says what the link pointed to is not there',
            ).toBeVisible()
          }
          break
        case 'compare':
          await expect(page.getByRole('heading', { level: 1 }).first()).not.toHaveText('Page not found')
          await expect(page.getByText('This page could not be shown')).toHaveCount(0)
          break
        case 'library':
          await expect(page.getByRole('heading', { level: 1 }).first()).not.toHaveText('Page not found')
          await expect(page.getByText('This page could not be shown')).toHaveCount(0)
          break
      }

      // Nothing from the link became markup: no handlers, no javascript: URLs, no injected elements.
      const injected = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes]
            .filter(
              (a) =>
                /^on/i.test(a.name) ||
                // Attributes a browser follows or runs; a search box's `value` may hold anything.
                (/^(href|src|srcdoc|action|formaction|xlink:href|data|poster|background)$/i.test(a.name) &&
                  /^\s*(javascript|data|vbscript):/i.test(a.value)),
            )
            .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`),
        ),
      )
      expect(injected).toEqual([])
      expect(await page.locator('main script, main iframe, main svg[onload], img[src="x"]').count()).toBe(0)
      expect(dialogs).toEqual([])
      expect(errors).toEqual([])
    })
  }
})
