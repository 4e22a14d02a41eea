/**
 * Build step after `vite build`: writes static HTML for every bundled route, so that a pasted link
 * previews properly and an article reads in full with JavaScript turned off.
 *
 *   1. builds src/entry-server.tsx with Vite in SSR mode (same config, same base, same route tree);
 *   2. serves the built data files (dist/data) to the app's own loaders through a disk-backed `fetch`;
 *   3. renders `/`, `/article/<id>` and `/compare/<a>/<b>` (ordered pairs in one story) and `404.html`,
 *      each into the built index.html with its own <title>, description, canonical URL and Open Graph /
 *      Twitter card tags, and writes dist/<route>/index.html.
 *
 * Output directory: PARALLAX_OUT_DIR (default dist). Site origin for canonical and og:url:
 * PARALLAX_SITE_URL (default https://parallax.example, which the build log flags). See docs/prerender.md.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  articleSchema,
  indexSchema,
  type Article,
  type ArticleIndex,
  type ArticleSummary,
} from '../core/schema'
import { paths } from '../lib/paths'

export const DEFAULT_SITE_URL = 'https://parallax.example'
export const SITE_NAME = 'Parallax'
const DESCRIPTION_LENGTH = 160
/** The path the 404 page is rendered for; any address the routes do not know would do. */
const NOT_FOUND_PATH = '/404'

export type PrerenderRoute =
  | { kind: 'library'; path: string }
  | { kind: 'article'; path: string; articleId: string }
  | { kind: 'compare'; path: string; leftId: string; rightId: string; storyId: string }
  | { kind: 'not-found'; path: string }

export type PageMeta = {
  title: string
  description: string
  /** Absolute canonical URL; null for pages that must not be indexed (404). */
  canonical: string | null
  ogType: 'website' | 'article'
  published: string | null
}

/** Every route the build bundles data for. Comparisons: each ordered pair of articles in one story. */
export function routesFromIndex(index: ArticleIndex): PrerenderRoute[] {
  const routes: PrerenderRoute[] = [{ kind: 'library', path: paths.library.build() }]
  for (const article of index.articles) {
    routes.push({ kind: 'article', path: paths.article.build(article.id), articleId: article.id })
  }
  for (const story of index.stories) {
    for (const leftId of story.articleIds) {
      for (const rightId of story.articleIds) {
        if (leftId === rightId) continue
        routes.push({
          kind: 'compare',
          path: paths.compare.build(leftId, rightId),
          leftId,
          rightId,
          storyId: story.id,
        })
      }
    }
  }
  return routes
}

/** "https://host" from PARALLAX_SITE_URL: an http(s) origin; a path belongs in PARALLAX_BASE instead. */
export function siteOrigin(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULT_SITE_URL
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(
      `PARALLAX_SITE_URL must be an absolute URL like https://news.example.org (got "${value}")`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`PARALLAX_SITE_URL must use http or https (got "${value}")`)
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `PARALLAX_SITE_URL is the origin only (got "${value}"); put a sub-path in PARALLAX_BASE, e.g. PARALLAX_BASE=${url.pathname}`,
    )
  }
  return url.origin
}

/** Where a route's page goes inside the output directory: "/" -> index.html, "/article/x" -> article/x/index.html. */
export function outputFileFor(routePath: string): string {
  const segments = routePath.split('/').filter(Boolean).map(decodeURIComponent)
  for (const s of segments) {
    if (s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0')) {
      throw new Error(`refusing to write a page for the unsafe path ${routePath}`)
    }
  }
  return path.join(...segments, 'index.html')
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Cuts text at a word boundary to at most `max` characters, with an ellipsis when it was cut. */
export function summarise(text: string, max = DESCRIPTION_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

function outletName(summary: ArticleSummary | undefined): string | null {
  return summary?.outlet ?? null
}

/** Title, description and canonical URL for a route, from the bundled data. */
export function pageMetaFor(
  route: PrerenderRoute,
  data: { index: ArticleIndex; articles: Map<string, Article> },
  origin: string,
  base: string,
): PageMeta {
  const canonical = (p: string) => `${origin}${base}${p.replace(/^\/+/, '')}`
  const summaryOf = (id: string) => data.index.articles.find((a) => a.id === id)
  switch (route.kind) {
    case 'library':
      return {
        title: `${SITE_NAME} — read how outlets covered the same story`,
        description: `Read ${data.index.articles.length} news articles from ${data.index.stories.length} stories with every quote attributed, and compare how different outlets covered the same event.`,
        canonical: canonical(route.path),
        ogType: 'website',
        published: null,
      }
    case 'article': {
      const article = data.articles.get(route.articleId)
      const summary = summaryOf(route.articleId)
      const headline = article?.headline ?? summary?.headline ?? 'Article'
      const outlet = outletName(summary)
      const firstBody = article?.paragraphs.find((p) => /^p\d+$/.test(p.id))?.text ?? ''
      const lead = article?.deck || firstBody
      return {
        title: `${headline} — ${outlet ? `${outlet} — ` : ''}${SITE_NAME}`,
        description: summarise(lead || `${headline}${outlet ? `, as reported by ${outlet}` : ''}.`),
        canonical: canonical(route.path),
        ogType: 'article',
        published: article?.published ?? summary?.published ?? null,
      }
    }
    case 'compare': {
      const left = summaryOf(route.leftId)
      const right = summaryOf(route.rightId)
      const story = data.index.stories.find((s) => s.id === route.storyId)
      const name = (s: ArticleSummary | undefined, fallback: string) =>
        outletName(s) ?? s?.headline ?? fallback
      const a = name(left, 'one outlet')
      const b = name(right, 'another outlet')
      return {
        title: `${a} and ${b} compared${story ? `: ${story.title}` : ''} — ${SITE_NAME}`,
        description: summarise(
          `How ${a} and ${b} covered ${story ? `“${story.title}”` : 'the same story'}, side by side: the passages they share, the quotes each used and what only one of them reported.`,
        ),
        canonical: canonical(route.path),
        ogType: 'website',
        published: null,
      }
    }
    case 'not-found':
      return {
        title: `Page not found — ${SITE_NAME}`,
        description: 'There is nothing at this address.',
        canonical: null,
        ogType: 'website',
        published: null,
      }
  }
}

/** The <head> tags for a page: description, canonical, Open Graph and Twitter card. */
export function headTags(meta: PageMeta): string {
  const tags = [
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    meta.canonical
      ? `<link rel="canonical" href="${escapeHtml(meta.canonical)}" />`
      : '<meta name="robots" content="noindex" />',
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:type" content="${meta.ogType}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    ...(meta.canonical ? [`<meta property="og:url" content="${escapeHtml(meta.canonical)}" />`] : []),
    ...(meta.published
      ? [`<meta property="article:published_time" content="${escapeHtml(meta.published)}" />`]
      : []),
    '<meta name="twitter:card" content="summary" />',
    `<meta name="twitter:title" content="${escapeHtml(meta.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(meta.description)}" />`,
  ]
  return tags.map((t) => `    ${t}\n`).join('')
}

/**
 * The data files the route's loaders read, as the value of #root's `data-preload` (space-separated).
 * src/boot.ts preloads them right after the first paint, together with the app's JavaScript, so
 * hydration is not held up by a second round trip — and nothing but the stylesheet competes with the
 * first paint, as on a plain static page.
 */
export function preloadAttribute(urls: readonly string[]): string {
  const list = urls.filter((u) => !/\s/.test(u))
  return list.length ? ` data-preload="${escapeHtml(list.join(' '))}"` : ''
}

type StartTag = { name: string; attributes: { name: string; value: string }[]; source: string }

const START_TAG =
  /<!--[\s\S]*?-->|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g

/**
 * The start tags of server-rendered markup, with their attributes read as a browser reads them: what
 * is inside a quoted value is the value, however much it looks like markup (an outlet named
 * `x" onerror="…`, escaped, is one attribute value, not a handler). Comments are skipped.
 */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = []
  for (const m of html.matchAll(START_TAG)) {
    if (m[1] === undefined) continue
    const attributes = [...(m[2] ?? '').matchAll(ATTRIBUTE)].map((a) => ({
      name: a[1]!.toLowerCase(),
      value: decodeEntities((a[2] ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2')),
    }))
    tags.push({ name: m[1].toLowerCase(), attributes, source: m[0] })
  }
  return tags
}

export type CspFinding = { problem: string; tag: StartTag }

/**
 * What the Content-Security-Policy (script-src 'self'; style-src 'self') would block in server-rendered
 * markup. React's `style` props are fine in the browser (set through CSSOM) but become `style="..."`
 * attributes in HTML, which the policy blocks; inline scripts and handlers are blocked outright.
 */
export function cspFindings(appHtml: string): CspFinding[] {
  const findings: CspFinding[] = []
  const first = (problem: string, match: (t: StartTag) => boolean, tags: StartTag[]) => {
    const tag = tags.find(match)
    if (tag) findings.push({ problem: problem.replace('<>', `<${tag.name}>`), tag })
  }
  const tags = startTags(appHtml)
  first('an inline <script>', (t) => t.name === 'script', tags)
  first('a <style> element', (t) => t.name === 'style', tags)
  first(
    'a style attribute (first on <>): use a class, or set it after hydration',
    (t) => t.attributes.some((a) => a.name === 'style'),
    tags,
  )
  first('an inline event handler (first on <>)', (t) => t.attributes.some((a) => /^on/.test(a.name)), tags)
  return findings
}

export function cspProblems(appHtml: string): string[] {
  return cspFindings(appHtml).map((f) => f.problem)
}

/**
 * Which article and field a piece of rendered markup came from, e.g. `article ferry-pier, field
 * outlet`: the longest string value of the articles whose text appears in it. Null when none does
 * (the markup came from the app itself).
 */
export function dataFieldIn(markup: string, articles: readonly Article[]): string | null {
  const text = decodeEntities(markup)
  let best: { where: string; length: number } | null = null
  const visit = (value: unknown, at: string, id: string) => {
    if (typeof value === 'string') {
      if (value.length >= 3 && value.length > (best?.length ?? 0) && text.includes(value)) {
        best = { where: `article ${id}, field ${at || '(root)'}`, length: value.length }
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${at}[${i}]`, id))
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, at ? `${at}.${k}` : k, id)
    }
  }
  for (const a of articles) {
    const { id: _id, schemaVersion: _v, ...fields } = a
    visit(fields, '', a.id)
  }
  return (best as { where: string } | null)?.where ?? null
}

const TITLE_RE = /<title>([\s\S]*?)<\/title>/i
const APP_SLOT = '<div id="root"><!--app-html--></div>'

/**
 * The page's HTML: the built index.html with the route's markup in #root, its title and head tags.
 * A <title> the app rendered itself (React 19 hoists <title> elements) wins over the data-derived one,
 * so the prerendered title is the one the browser shows after hydrating.
 */
export function composePage(
  template: string,
  appHtml: string,
  meta: PageMeta,
  routePath: string,
  preloads: readonly string[] = [],
): string {
  if (!template.includes(APP_SLOT)) {
    throw new Error(`the built index.html has no ${APP_SLOT}: run "vite build" before prerendering`)
  }
  const renderedTitle = TITLE_RE.exec(appHtml)
  const title = renderedTitle
    ? decodeEntities(renderedTitle[1]!.replace(/<!--.*?-->/g, '')).trim()
    : meta.title
  const body = renderedTitle ? appHtml.replace(TITLE_RE, '') : appHtml
  const finalMeta = { ...meta, title: title || meta.title }
  const withHead = template
    .replace(TITLE_RE, () => `<title>${escapeHtml(finalMeta.title)}</title>`)
    .replace(/[ \t]*<meta\s[^>]*name="description"[^>]*>[ \t]*\n?/i, '')
    .replace(/\n?[ \t]*<\/head>/i, () => `\n${headTags(finalMeta)}  </head>`)
  return withHead.replace(
    APP_SLOT,
    () =>
      `<div id="root" data-prerendered="${escapeHtml(routePath)}"${preloadAttribute(preloads)}>${body}</div>`,
  )
}

/** The articles a route shows, to name the one a failed check came from. */
function routeArticles(route: PrerenderRoute, articles: Map<string, Article>): Article[] {
  if (route.kind === 'article') return [route.articleId].flatMap((id) => articles.get(id) ?? [])
  if (route.kind === 'compare') return [route.leftId, route.rightId].flatMap((id) => articles.get(id) ?? [])
  // The library lists every article.
  return [...articles.values()]
}

// ---------------------------------------------------------------------------------------------------
// The build step
// ---------------------------------------------------------------------------------------------------

type RenderModule = {
  render: (pathname: string) => Promise<{ status: number; html: string; errors: unknown[] }>
  base: string
}

const FAKE_ORIGIN = 'http://prerender.invalid'
const CONTENT_TYPES: Record<string, string> = { '.json': 'application/json', '.txt': 'text/plain' }

/** Serves `base`-relative URLs from the output directory to the app's loaders; never touches the network. */
function installDiskFetch(outDir: string, base: string, fetched: Set<string>): void {
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const url = new URL(href, FAKE_ORIGIN)
    if (url.origin !== FAKE_ORIGIN)
      throw new Error(`prerender: refusing to fetch ${url.href} from the network`)
    const notFound = () => new Response('not found', { status: 404 })
    const pathname = decodeURIComponent(url.pathname)
    if (!pathname.startsWith(base)) return notFound()
    const file = path.resolve(outDir, pathname.slice(base.length))
    if (!file.startsWith(outDir + path.sep)) return notFound()
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return notFound()
    }
    fetched.add(url.pathname)
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } })
  }
}

async function buildServerEntry(root: string, ssrDir: string): Promise<RenderModule> {
  const { build } = await import('vite')
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      ssr: path.join(root, 'src/entry-server.tsx'),
      outDir: ssrDir,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'entry-server.mjs' } },
    },
  })
  return (await import(pathToFileURL(path.join(ssrDir, 'entry-server.mjs')).href)) as RenderModule
}

async function main(): Promise<void> {
  const started = performance.now()
  const root = path.resolve(import.meta.dirname, '../..')
  const outDir = path.resolve(root, process.env.PARALLAX_OUT_DIR ?? 'dist')
  const origin = siteOrigin(process.env.PARALLAX_SITE_URL)
  const templateFile = path.join(outDir, 'index.html')
  if (!existsSync(templateFile)) throw new Error(`${templateFile} is missing: run "vite build" first`)
  const template = await readFile(templateFile, 'utf8')
  if (!template.includes(APP_SLOT)) {
    throw new Error(`${templateFile} is already prerendered or not Vite's output: run "vite build" first`)
  }

  // Inside node_modules so the bundle's bare imports (react, react-router...) resolve to the project's.
  const ssrDir = path.join(root, 'node_modules', '.cache', `parallax-ssr-${process.pid}`)
  let app: RenderModule
  try {
    app = await buildServerEntry(root, ssrDir)
  } catch (error) {
    await rm(ssrDir, { recursive: true, force: true })
    throw error
  }
  const base = app.base
  if (!template.includes(`${base}assets/`)) {
    throw new Error(
      `the client build in ${outDir} was not built for the base "${base}": build both with the same PARALLAX_BASE`,
    )
  }

  const readData = async <T>(file: string, parse: (json: unknown) => T): Promise<T> => {
    try {
      return parse(JSON.parse(await readFile(path.join(outDir, 'data', file), 'utf8')))
    } catch (error) {
      throw new Error(`data/${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const index = await readData('index.json', (json) => indexSchema.parse(json))
  const articles = new Map<string, Article>()
  for (const summary of index.articles) {
    const file = `articles/${summary.id}.json`
    articles.set(summary.id, await readData(file, (json) => articleSchema.parse(json)))
  }

  const fetched = new Set<string>()
  installDiskFetch(outDir, base, fetched)
  // React and the router report render problems through console.error; a page built with one is broken.
  const consoleErrors: string[] = []
  const originalError = console.error
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '))
    originalError(...args)
  }

  const problems: string[] = []
  const pages = new Map<string, string>()
  const routes: PrerenderRoute[] = [...routesFromIndex(index), { kind: 'not-found', path: NOT_FOUND_PATH }]
  try {
    for (const route of routes) {
      fetched.clear()
      consoleErrors.length = 0
      const fullPath = `${base}${route.path.replace(/^\/+/, '')}`
      const rendered = await app.render(fullPath)
      const expected = route.kind === 'not-found' ? 404 : 200
      if (rendered.status !== expected) {
        const why = rendered.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')
        const from = dataFieldIn(why, routeArticles(route, articles))
        problems.push(
          `${route.path}: rendered with status ${rendered.status}, expected ${expected}${why ? ` (${why})` : ''}${from ? ` (from ${from})` : ''}`,
        )
        continue
      }
      if (consoleErrors.length > 0) {
        const from = dataFieldIn(consoleErrors[0]!, routeArticles(route, articles))
        problems.push(
          `${route.path}: console.error while rendering: ${consoleErrors[0]}${from ? ` (from ${from})` : ''}`,
        )
      }
      for (const f of cspFindings(rendered.html)) {
        const from = dataFieldIn(f.tag.source, routeArticles(route, articles))
        problems.push(`${route.path}: the CSP would block ${f.problem}${from ? ` (from ${from})` : ''}`)
      }
      const meta = pageMetaFor(route, { index, articles }, origin, base)
      const file = route.kind === 'not-found' ? '404.html' : outputFileFor(route.path)
      pages.set(
        file,
        composePage(
          template,
          rendered.html,
          meta,
          route.kind === 'not-found' ? '' : fullPath,
          route.kind === 'not-found' ? [] : [...fetched],
        ),
      )
    }
  } finally {
    console.error = originalError
    await rm(ssrDir, { recursive: true, force: true })
  }
  // Nothing is written unless every page rendered: a half-prerendered site would hydrate some pages
  // and not others, and index.html (the template) must survive a failed run.
  if (problems.length > 0) {
    throw new Error(`prerendering failed:\n  ${problems.join('\n  ')}`)
  }
  for (const [file, html] of pages) {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true })
    await writeFile(path.join(outDir, file), html, 'utf8')
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `prerender: ${routes.length} pages (base ${base}) -> ${path.relative(root, outDir) || '.'} in ${seconds}s`,
  )
  if (origin === DEFAULT_SITE_URL) {
    console.log(
      `prerender: canonical and og:url use ${DEFAULT_SITE_URL}; set PARALLAX_SITE_URL to the real origin`,
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
