/**
 * A saved HTML page, parsed into the caller's DOM (linkedom in Node, DOMParser in the browser), -> scraped-style text for the pipeline, plus what the page states about itself.
 * Stages, each in this folder: parse (limits, non-content cut, DOM), metadata (JSON-LD, meta tags),
 * extract (Readability, then the body as paragraphs). The text starts with the headline, the description
 * when it is a real standfirst, "By …" and "Published: …" lines, then one paragraph per block separated by
 * blank lines; the pipeline cleans it like any other text, so HTML and .txt input follow the same rules.
 */
import { IngestError, buildArticleFromParts, buildArticle } from '../../core/pipeline'
import type { Article, SourceEntry } from '../../core/schema'
import { repeats } from './duplicate'
import { readabilityBody } from './extract'
import { kickerAbove } from './kicker'
import { standfirstBelow } from './standfirst'
import { pageMetadata, squash, statedDate } from './metadata'
import { parsePage, type ParseMarkup } from './parse'

export type HtmlArticle = {
  /** Text in the shape of a scraped page: the pipeline's input. */
  text: string
  /** The page's own name for itself (og:site_name or JSON-LD publisher), when it states one. */
  siteName: string | null
  /** The headline the page states (og:title, JSON-LD headline, <title> or <h1>), less the site's name. */
  headline: string | null
  /** YYYY-MM-DD from the page's metadata (JSON-LD datePublished, article:published_time, ...). */
  published: string | null
  /** Author names from the page's metadata or Readability's byline. */
  authors: string[]
  /** The page's description when it is a standfirst, not a repeat of the headline or the body. */
  deck: string | null
  /** The short label above the headline on the page ("Local News"), when there is one. */
  kicker: string | null
  /** The lead photo's caption with its credit, as the page prints it. */
  caption: string | null
  /** The page's description (og:description, description meta), whether or not it became the deck. */
  description: string | null
  /** The body paragraphs as extracted, before the text cleaner. */
  paragraphs: string[]
}

// A line that is only a web address: the page's share or canonical link printed out.
const isAddress = (line: string) => /^(?:https?:\/\/|www\.)\S+$/i.test(line)

/**
 * The headline repeated in the body, alone or inside a breadcrumb trail ("Home News Sport <headline>"):
 * the text would offer it twice and the cleaner may take the trail for the headline.
 */
function restatesHeadline(line: string, headline: string): boolean {
  if (line.length > headline.length + 60) return false
  return repeats(headline, line, 0.9) && repeats(line, headline, 0.5)
}

/** Finds the article in a saved page. Throws an IngestError when the page has none or cannot be read. */
export function pageArticleText(html: string, parseMarkup: ParseMarkup, url?: string): HtmlArticle {
  if (typeof html !== 'string') throw new IngestError('binary', 'the page is not text')
  try {
    return articleOf(html, parseMarkup, url)
  } catch (error) {
    if (error instanceof IngestError) throw error
    // A page the parser or Readability cannot walk is refused with what went wrong, never a crash that
    // stops a batch: the reason names the error so a bug here still shows.
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    throw new IngestError(
      'unreadable',
      `the page could not be read as an article (${squash(why).slice(0, 160)})`,
    )
  }
}

function articleOf(html: string, parseMarkup: ParseMarkup, url: string | undefined): HtmlArticle {
  const doc = parsePage(html, parseMarkup)
  const meta = pageMetadata(doc, url)
  const kicker = kickerAbove(doc, meta.headline)
  const standfirst = standfirstBelow(doc, meta.headline)
  const read = readabilityBody(doc)
  if (read === null || read.paragraphs.length === 0) {
    throw new IngestError(
      'no-body',
      'no article was found in this HTML page (Readability found no main text)',
    )
  }
  const headline = meta.headline ?? read.title
  const paragraphs = read.paragraphs
    .filter((p, i) => !(i < 3 && (p === kicker || (standfirst !== null && p === standfirst))))
    .filter((p) => !isAddress(p) && !(headline !== null && restatesHeadline(p, headline)))
  const body = paragraphs.join('\n')
  // Readability's excerpt is this same metadata, or else the first paragraph: only the page's own counts.
  const description = meta.description
  const deck =
    standfirst ??
    (description !== null &&
    !repeats(description, body) &&
    !(headline !== null && (repeats(description, headline, 0.8) || repeats(headline, description, 0.8)))
      ? description
      : null)
  const authors =
    meta.authors.length > 0 ? meta.authors : read.byline ? [read.byline.replace(/^by\s+/i, '')] : []
  const published = meta.published ?? statedDate(read.publishedTime)

  const lines: string[] = []
  if (kicker !== null) lines.push(kicker)
  if (headline !== null) lines.push(headline)
  if (deck !== null) lines.push(deck)
  if (authors.length > 0) lines.push(`By ${authors.join(' and ')}`)
  if (published !== null) lines.push(`Published: ${published}`)
  // The lead photo's caption, where a scraped page has it: under the byline, before the first paragraph.
  if (read.leadCaption !== null) lines.push(read.leadCaption)
  return {
    text: [...lines, ...paragraphs].join('\n\n'),
    siteName: meta.siteName ?? read.siteName,
    headline,
    published,
    authors,
    deck,
    kicker,
    caption: read.leadCaption,
    description,
    paragraphs,
  }
}

/**
 * The article a saved page gives. A page whose headline and body were found is built from them as the page
 * states them; a page that names no headline goes through the text cleaner as scraped text.
 */
export function articleFromPage(page: HtmlArticle, meta: Omit<SourceEntry, 'file'>): Article {
  if (!page.headline || page.paragraphs.length === 0) return buildArticle(page.text, meta)
  return buildArticleFromParts(
    {
      headline: page.headline,
      deck: page.deck,
      kicker: page.kicker,
      byline: page.authors.length > 0 ? page.authors.join(' and ') : null,
      published: page.published,
      caption: page.caption,
      paragraphs: page.paragraphs,
    },
    meta,
  )
}
