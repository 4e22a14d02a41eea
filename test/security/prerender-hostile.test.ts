/**
 * Hostile data through the prerenderer: the real route tree rendered to HTML on the server (src/entry-server)
 * and composed into a page with its title and link-preview tags (src/ingest/prerender). Prerendered HTML is
 * the one place the app's output is a string rather than DOM nodes, so this is where escaping has to hold.
 */
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../src/core/schema'
import { render } from '../../src/entry-server'
import { composePage, pageMetaFor, routesFromIndex } from '../../src/ingest/prerender'
import { findInjectedMarkup, readableText } from './dom-findings'
import { articleText, hostileCorpus, type HostileCorpus } from './hostile-corpus'
import { comparable, loadPayloads } from './payloads'

const payloads = loadPayloads()
const template = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Parallax</title>
    <meta name="description" content="Parallax" />
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
  </head>
  <body>
    <div id="root"><!--app-html--></div>
  </body>
</html>`

let served: HostileCorpus | undefined

function respond(url: string): Response {
  const c = served!
  const path = new URL(url, 'http://prerender.invalid').pathname
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
  if (path.endsWith('/data/index.json')) return json(c.index)
  if (path.endsWith('/data/search.json')) return json(c.search)
  const article = /\/data\/articles\/([^/]+)\.json$/.exec(path)
  if (article) {
    const found = c.articles.find((a) => a.id === decodeURIComponent(article[1]!))
    if (found) return json(found)
  }
  const pair = /\/data\/compare\/([^/]+)--([^/]+)\.json$/.exec(path)
  if (pair) {
    const found = c.comparisons.find((x) => x.leftId === pair[1] && x.rightId === pair[2])
    if (found) return json(found)
  }
  return new Response('not found', { status: 404 })
}

beforeAll(() => {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
    respond(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url),
  )
})
afterAll(() => {
  vi.unstubAllGlobals()
})

const bodyText = (a: Article) =>
  a.paragraphs
    .filter((p) => /^p\d+$/.test(p.id))
    .map((p) => p.text)
    .join('\n')

async function prerenderAll(corpus: HostileCorpus) {
  served = corpus
  const articles = new Map<string, Article>(corpus.articles.map((a) => [a.id, a]))
  const pages: { path: string; status: number; doc: Document; ids: string[] }[] = []
  for (const route of routesFromIndex(corpus.index)) {
    const rendered = await render(route.path)
    const meta = pageMetaFor(route, { index: corpus.index, articles }, 'https://parallax.example', '/')
    const html = composePage(template, rendered.html, meta, route.path)
    const ids =
      route.kind === 'article'
        ? [route.articleId]
        : route.kind === 'compare'
          ? [route.leftId, route.rightId]
          : []
    pages.push({ path: route.path, status: rendered.status, doc: new JSDOM(html).window.document, ids })
  }
  return pages
}

describe.each(['prose', 'dense'] as const)('prerendered pages built from %s hostile articles', (shape) => {
  const corpus = hostileCorpus(payloads, shape)
  let pages: Awaited<ReturnType<typeof prerenderAll>>
  beforeAll(async () => {
    pages = await prerenderAll(corpus)
  }, 120_000)

  it('renders every library, article and comparison page', () => {
    expect(pages.filter((p) => p.ids.length === 1)).toHaveLength(corpus.articles.length)
    expect(pages.filter((p) => p.ids.length === 2).length).toBeGreaterThanOrEqual(corpus.comparisons.length)
    for (const page of pages) expect(page.status, page.path).toBe(200)
  })

  it('contains no element, handler or URL that came from the data', () => {
    for (const page of pages)
      expect(
        findInjectedMarkup(page.doc),
        `${page.path}: ${page.doc.documentElement.outerHTML.length}`,
      ).toEqual([])
  })

  it('has no inline script on any page, however long (the CSP blocks them, which would leave content hidden)', () => {
    for (const page of pages) {
      const inline = Array.from(page.doc.querySelectorAll('script:not([src])')).filter(
        (el) => !/^application\/(?:ld\+)?json$/i.test(el.getAttribute('type') ?? ''),
      )
      expect(
        inline.map((el) => el.outerHTML.slice(0, 80)),
        page.path,
      ).toEqual([])
    }
  })

  it('keeps each title and link-preview tag as text', () => {
    for (const page of pages) {
      const head = page.doc.head
      expect(head.querySelectorAll('title'), page.path).toHaveLength(1)
      for (const meta of Array.from(head.querySelectorAll('meta'))) {
        expect(
          Array.from(meta.attributes)
            .map((a) => a.name)
            .sort(),
          page.path,
        ).toEqual(expect.arrayContaining(meta.hasAttribute('charset') ? ['charset'] : ['content']))
      }
    }
  })

  if (shape === 'prose') {
    it('shows every payload that ingest kept as text on its article page and its comparison', () => {
      for (const page of pages.filter((p) => p.ids.length > 0)) {
        const text = comparable(readableText(page.doc))
        for (const id of page.ids) {
          const article = corpus.articles.find((a) => a.id === id)!
          const [payload] = corpus.payloadsOf.get(id)!
          // Whether ingest keeps it is tested on its own; here: what the data holds, the page shows. A
          // comparison shows the articles' bodies (headline and deck framing may sit in its summary).
          const shown = page.ids.length === 1 ? articleText(article) : bodyText(article)
          if (!comparable(shown).includes(comparable(payload!))) continue
          expect(text, `${page.path} does not show ${JSON.stringify(payload)}`).toContain(
            comparable(payload!),
          )
        }
      }
    })
  }
})
