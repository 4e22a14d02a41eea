import { JSDOM } from 'jsdom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildArticle } from '../core/pipeline'
import { SCHEMA_VERSION, type Article, type ArticleIndex } from '../core/schema'
import { render } from '../entry-server'
import { buildDataFiles } from './data-files'
import {
  composePage,
  cspProblems,
  dataFieldIn,
  DEFAULT_SITE_URL,
  outputFileFor,
  pageMetaFor,
  routesFromIndex,
  siteOrigin,
  summarise,
  type PageMeta,
} from './prerender'

const template = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Parallax — default</title>
    <meta
      name="description"
      content="The default description."
    />
    <script type="module" crossorigin src="/sub/assets/index-abc.js"></script>
  </head>
  <body>
    <div id="root"><!--app-html--></div>
  </body>
</html>
`

const meta: PageMeta = {
  title: 'A "quoted" <headline> — Parallax',
  description: 'Council & mayor <disagree>',
  canonical: 'https://news.example/sub/article/a',
  ogType: 'article',
  published: '2024-05-01',
}

const summary = (id: string, outlet: string | null, storyId: string | null) => ({
  id,
  storyId,
  outlet,
  kicker: null,
  headline: `Headline of ${id}`,
  deck: null,
  byline: null,
  published: null,
  wordCount: 100,
  quoteCount: 0,
  speakers: [],
})

const index: ArticleIndex = {
  schemaVersion: SCHEMA_VERSION,
  stories: [
    { id: 'ferry', title: 'The ferry pier closes', date: null, articleIds: ['a', 'b', 'c'] },
    { id: 'solo', title: 'A story told once', date: null, articleIds: ['d'] },
  ],
  articles: [
    summary('a', 'Harbour Times', 'ferry'),
    summary('b', 'Island Post', 'ferry'),
    summary('c', null, 'ferry'),
    summary('d', 'Harbour Times', 'solo'),
  ],
}

describe('routesFromIndex', () => {
  it('lists the library, every article and every ordered pair of articles within a story', () => {
    const routes = routesFromIndex(index).map((r) => r.path)
    expect(routes.slice(0, 5)).toEqual(['/', '/article/a', '/article/b', '/article/c', '/article/d'])
    const compares = routes.filter((p) => p.startsWith('/compare/'))
    expect(compares).toHaveLength(6)
    expect(compares).toContain('/compare/a/b')
    expect(compares).toContain('/compare/b/a')
    expect(compares.some((p) => p.includes('/d'))).toBe(false)
  })
})

describe('pageMetaFor', () => {
  it('gives each page its own title and a canonical URL under the base', () => {
    const data = { index, articles: new Map() }
    const metas = routesFromIndex(index).map((r) => pageMetaFor(r, data, 'https://news.example', '/sub/'))
    expect(new Set(metas.map((m) => m.title)).size).toBe(metas.length)
    expect(metas[1]!.canonical).toBe('https://news.example/sub/article/a')
    expect(metas[1]!.title).toContain('Harbour Times')
    const compare = metas.find((m) => m.canonical?.endsWith('/compare/a/b'))!
    expect(compare.title).toContain('Harbour Times and Island Post')
    expect(compare.description).toContain('The ferry pier closes')
  })

  it('describes an article by its deck, else its first paragraph, cut at a word', () => {
    const articles = new Map([
      [
        'a',
        {
          deck: null,
          headline: 'Headline of a',
          published: null,
          paragraphs: [
            { id: 'headline', text: 'Headline of a' },
            { id: 'p1', text: `${'The council voted to close the pier. '.repeat(8)}` },
          ],
        },
      ],
    ]) as never
    const m = pageMetaFor(
      { kind: 'article', path: '/article/a', articleId: 'a' },
      { index, articles },
      'https://x.org',
      '/',
    )
    expect(m.description.startsWith('The council voted')).toBe(true)
    expect(m.description.length).toBeLessThanOrEqual(160)
    expect(m.description.endsWith('…')).toBe(true)
  })
})

describe('composePage', () => {
  it('puts the markup in #root, marks the route, and writes escaped head tags once', () => {
    const html = composePage(template, '<main><h1>Hi</h1></main>', meta, '/sub/article/a', [
      '/sub/data/a.json',
    ])
    expect(html).toContain(
      '<div id="root" data-prerendered="/sub/article/a" data-preload="/sub/data/a.json"><main><h1>Hi</h1></main></div>',
    )
    expect(html.match(/<title>/g)).toHaveLength(1)
    expect(html).toContain('<title>A &quot;quoted&quot; &lt;headline&gt; — Parallax</title>')
    expect(html.match(/name="description"/g)).toHaveLength(1)
    expect(html).toContain('<meta name="description" content="Council &amp; mayor &lt;disagree&gt;" />')
    expect(html).toContain('<link rel="canonical" href="https://news.example/sub/article/a" />')
    expect(html).toContain('<meta property="og:url" content="https://news.example/sub/article/a" />')
    expect(html).toContain('<meta property="article:published_time" content="2024-05-01" />')
    expect(html).toContain('<meta name="twitter:card" content="summary" />')
    expect(html.indexOf('og:title')).toBeLessThan(html.indexOf('</head>'))
  })

  it('uses the title the app rendered (React hoists it) and removes it from the body', () => {
    const html = composePage(
      template,
      '<title>Rendered &amp; right — Parallax</title><main>x</main>',
      meta,
      '/a',
    )
    expect(html).toContain('<title>Rendered &amp; right — Parallax</title>')
    expect(html).toContain('<meta property="og:title" content="Rendered &amp; right — Parallax" />')
    expect(html).toContain('<div id="root" data-prerendered="/a"><main>x</main></div>')
  })

  it('keeps a page without a canonical URL out of search engines', () => {
    const html = composePage(template, '<main>404</main>', { ...meta, canonical: null }, '')
    expect(html).toContain('<meta name="robots" content="noindex" />')
    expect(html).not.toContain('canonical')
    expect(html).not.toContain('og:url')
  })

  it('refuses a template that is not Vite’s fresh output', () => {
    expect(() => composePage('<html><body><div id="root"></div></body></html>', '', meta, '/')).toThrow(
      /vite build/,
    )
  })
})

describe('cspProblems', () => {
  it('finds what the Content-Security-Policy would block in server-rendered markup', () => {
    expect(cspProblems('<main><p class="x">ok</p></main>')).toEqual([])
    expect(cspProblems('<div style="height:10px"></div>')[0]).toMatch(/style attribute .*<div>/)
    expect(cspProblems('<template></template><script>$RC()</script>')).toEqual(['an inline <script>'])
    expect(cspProblems('<img src="x" onerror="alert(1)">')[0]).toMatch(/event handler/)
    expect(cspProblems('<style>.a{}</style>')).toEqual(['a <style> element'])
  })

  it('is not fooled by words that merely look like attributes in text', () => {
    expect(cspProblems('<p>The style="bold" debate went on</p>')).toEqual([])
  })

  it('reads an escaped quote inside an attribute value as part of the value, not a new attribute', () => {
    const outlet = 'x&quot; onerror=&quot;alert(1)'
    expect(cspProblems(`<a aria-label="Read ${outlet}" href="/a">${outlet}</a>`)).toEqual([])
    expect(cspProblems(`<span title='it&#x27;s style="x"'>t</span>`)).toEqual([])
  })

  it('finds a handler that follows a value containing ">"', () => {
    expect(cspProblems('<img alt="a > b" onerror="x()">')[0]).toMatch(/event handler .*<img>/)
  })
})

const ferryText = (outlet: string) =>
  `Ferry pier to close for a year of repairs\n\n` +
  `The harbour board voted on Monday to close the old ferry pier, ending a service that ${outlet} readers used daily.\n\n` +
  '“We had no choice once the engineers reported,” said Mara Quill, who chairs the board.\n'

describe('dataFieldIn', () => {
  it('names the article and the field a piece of markup came from', () => {
    const article = {
      ...buildArticle(ferryText('our'), { outlet: 'Harbour <Times>', sourceUrl: null, storyId: null }),
      id: 'ferry-pier',
    }
    expect(dataFieldIn('<b title="Harbour &lt;Times&gt;">', [article])).toBe(
      'article ferry-pier, field outlet',
    )
    expect(dataFieldIn('<p>Mara Quill</p>', [article])).toMatch(/^article ferry-pier, field /)
    expect(dataFieldIn('<div class="app-frame">', [article])).toBeNull()
  })
})

describe('prerendering an outlet whose name looks like markup', () => {
  const outlet = 'x" onerror="alert(1)'
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('renders every page with the name as text, and trips no check', async () => {
    const meta = { outlet, sourceUrl: null, storyId: 'ferry' }
    const articles: Article[] = [
      { ...buildArticle(ferryText('its'), meta), id: 'ferry-a' },
      { ...buildArticle(ferryText('the'), meta), id: 'ferry-b' },
    ]
    const stories = [{ id: 'ferry', title: 'The ferry pier closes', date: null }]
    const files = new Map(buildDataFiles(articles, stories).map((f) => [`/data/${f.path}`, f.data]))
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const data = files.get(decodeURIComponent(new URL(href, 'http://prerender.invalid').pathname))
      return data === undefined
        ? new Response('not found', { status: 404 })
        : new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } })
    })
    const index = files.get('/data/index.json') as ArticleIndex
    const byId = new Map(articles.map((a) => [a.id, a]))
    for (const route of routesFromIndex(index)) {
      const rendered = await render(route.path)
      expect(rendered.status, route.path).toBe(200)
      expect(cspProblems(rendered.html), route.path).toEqual([])
      const page = composePage(
        template,
        rendered.html,
        pageMetaFor(route, { index, articles: byId }, 'https://news.example', '/'),
        route.path,
      )
      const doc = new JSDOM(page).window.document
      expect(doc.querySelectorAll('[onerror]'), route.path).toHaveLength(0)
      if (route.kind !== 'library') expect(doc.body.textContent, route.path).toContain(outlet)
      expect(doc.title, route.path).toContain(route.kind === 'library' ? 'Parallax' : outlet)
    }
  }, 60_000)
})

describe('siteOrigin', () => {
  it('accepts an origin and falls back to a clearly fake default', () => {
    expect(siteOrigin('https://news.example.org/')).toBe('https://news.example.org')
    expect(siteOrigin(undefined)).toBe(DEFAULT_SITE_URL)
    expect(siteOrigin('  ')).toBe(DEFAULT_SITE_URL)
  })

  it('rejects paths, other schemes and garbage with advice', () => {
    expect(() => siteOrigin('https://x.org/parallax/')).toThrow(/PARALLAX_BASE=\/parallax\//)
    expect(() => siteOrigin('ftp://x.org')).toThrow(/http or https/)
    expect(() => siteOrigin('not a url')).toThrow(/absolute URL/)
  })
})

describe('outputFileFor', () => {
  it('writes each route as a directory index', () => {
    expect(outputFileFor('/')).toBe('index.html')
    expect(outputFileFor('/article/a')).toBe('article/a/index.html')
    expect(outputFileFor('/compare/a/b')).toBe('compare/a/b/index.html')
  })

  it('never writes outside the output directory', () => {
    expect(() => outputFileFor('/article/..')).toThrow(/unsafe/)
    expect(() => outputFileFor('/article/%2e%2e')).toThrow(/unsafe/)
    expect(() => outputFileFor('/article/a%2Fb')).toThrow(/unsafe/)
  })
})

describe('summarise', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(summarise('  Short   text. ')).toBe('Short text.')
    const cut = summarise('word '.repeat(100), 50)
    expect(cut.length).toBeLessThanOrEqual(50)
    expect(cut).toMatch(/word…$/)
  })
})
