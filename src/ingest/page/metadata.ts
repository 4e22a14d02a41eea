/**
 * What a page states about itself, outside the article's text: headline, publication date, authors, the
 * site's name and its one-line description. Read from JSON-LD (schema.org Article types), Open Graph and
 * article:* meta tags, the author meta tag, <title> and <h1>. Unknown stays null: nothing is guessed.
 */
import { siteNameAffix, stripSiteName } from './site-name'

export type PageMetadata = {
  /** The article's headline, less the site's name. */
  headline: string | null
  /** YYYY-MM-DD as the page wrote it (its own local date). */
  published: string | null
  /** Author names, in the page's order, without duplicates. */
  authors: string[]
  /** The outlet's name for itself. */
  siteName: string | null
  /** The page's description (a summary for search engines and link previews). */
  description: string | null
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const asList = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** The @type names of a JSON-LD node. */
const typesOf = (node: JsonObject) => asList(node['@type']).filter((t): t is string => typeof t === 'string')
// Article, NewsArticle, BlogPosting, ReportageNewsArticle, LiveBlogPosting, ScholarlyArticle...
const isArticleType = (t: string) => /(?:Article|BlogPosting|Report)$/.test(t)

/** The JSON, or a second try without trailing commas (hand-written templates leave them); undefined if neither parses. */
function parseJson(source: string): Json | undefined {
  try {
    return JSON.parse(source) as Json
  } catch {
    try {
      return JSON.parse(source.replace(/,(\s*[\]}])/g, '$1')) as Json
    } catch {
      return undefined
    }
  }
}

/** Every object in the page's JSON-LD blocks (top level, arrays and @graph), breadth first. */
function jsonLdNodes(doc: Document): JsonObject[] {
  const out: JsonObject[] = []
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (!/application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue
    const data = parseJson(
      // Some pages wrap their JSON in CDATA markers or leave a trailing semicolon.
      (script.textContent ?? '')
        .replace(/^\s*(?:\/\/)?\s*<!\[CDATA\[|\]\]>\s*$/g, '')
        .trim()
        .replace(/;$/, ''),
    )
    if (data === undefined) continue
    const queue = asList(data)
    for (let i = 0; i < queue.length && i < 500; i += 1) {
      const node = queue[i]
      if (Array.isArray(node)) queue.push(...node)
      else if (isObject(node)) {
        out.push(node)
        if (node['@graph'] !== undefined) queue.push(...asList(node['@graph']))
        // A WebPage's mainEntity is often the article itself.
        if (node.mainEntity !== undefined) queue.push(...asList(node.mainEntity))
      }
    }
  }
  return out
}

const text = (v: Json | undefined): string | null =>
  typeof v === 'string' && squash(v) !== '' ? squash(v) : null

/** Names from a JSON-LD author value: a string, a Person or Organization, or a list of them. */
function namesOf(v: Json | undefined): string[] {
  const out: string[] = []
  for (const item of asList(v)) {
    const name = typeof item === 'string' ? text(item) : isObject(item) ? text(item.name) : null
    if (name !== null) out.push(name)
  }
  return out
}

/** A meta tag's content by its property or name (case-insensitive), first non-empty. */
function meta(doc: Document, ...keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()))
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase()
    if (!wanted.has(key)) continue
    const content = squash(el.getAttribute('content') ?? '')
    if (content !== '') return content
  }
  return null
}

/** YYYY-MM-DD from an ISO timestamp as the page wrote it (its own local date, no time-zone shift). */
export function statedDate(value: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value?.trim() ?? '')
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > 31) return null
  return `${m[1]}-${m[2]}-${m[3]}`
}

// A name is not a link, an e-mail address or a handle.
const looksLikeName = (name: string) =>
  name.length <= 80 && !/^https?:|www\.|@|\/|^\d/.test(name) && /\p{L}/u.test(name)

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const name of names) {
    const key = name.toLowerCase()
    if (!looksLikeName(name) || seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

const headingText = (doc: Document): string[] =>
  Array.from(doc.querySelectorAll('h1'))
    .map((h) => squash(h.textContent ?? ''))
    .filter((h) => h !== '' && h.length <= 300)

/** The page's statements about itself. */
export function pageMetadata(doc: Document, url?: string): PageMetadata {
  const nodes = jsonLdNodes(doc)
  // A page typed as something else (a WebPage, a MedicalWebPage) still states its date and authors.
  const article =
    nodes.find((n) => typesOf(n).some(isArticleType)) ??
    nodes.find((n) => n.datePublished !== undefined || n.headline !== undefined)
  const site = nodes.find((n) => typesOf(n).some((t) => t === 'WebSite'))
  const publisher = article && isObject(article.publisher) ? article.publisher : undefined

  const siteName =
    meta(doc, 'og:site_name') ??
    text(publisher?.name) ??
    text(site?.name) ??
    meta(doc, 'application-name', 'apple-mobile-web-app-title')

  const titled =
    meta(doc, 'og:title') ??
    text(article?.headline) ??
    meta(doc, 'twitter:title') ??
    squash(doc.querySelector('title')?.textContent ?? '')
  const headings = headingText(doc)
  const affix = siteNameAffix(titled, { siteName, url, headings })
  const headline = titled === '' ? (headings[0] ?? null) : stripSiteName(titled, affix) || null

  const published =
    statedDate(text(article?.datePublished)) ??
    statedDate(meta(doc, 'article:published_time', 'datePublished', 'og:published_time')) ??
    statedDate(meta(doc, 'pubdate', 'publishdate', 'date', 'dc.date', 'dcterms.created', 'sailthru.date')) ??
    statedDate(doc.querySelector('time[datetime]')?.getAttribute('datetime')) ??
    statedDate(text(article?.dateCreated))

  const authors = uniqueNames([
    ...namesOf(article?.author),
    ...(meta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author')
      ?.split(/\s*(?:,|;|\band\b|&)\s*/)
      .filter((n) => n !== '') ?? []),
  ])
  // The outlet often names itself as the author; that is not a byline.
  const byline = siteName ? authors.filter((a) => a.toLowerCase() !== siteName.toLowerCase()) : authors

  const description =
    meta(doc, 'og:description', 'description', 'twitter:description') ?? text(article?.description)

  return { headline, published, authors: byline, siteName, description }
}
