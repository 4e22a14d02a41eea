/**
 * A saved page's markup -> a DOM document, or an IngestError saying why not. Before any tree is built the
 * page is checked against a size and a nesting limit, and the parts that are never article text (scripts,
 * styles, noscript and template contents, comments) are cut out of the markup: jsdom threw on some pages'
 * CSS, and a comment's text must never become a paragraph. The DOM is the caller's: in Node linkedom
 * (measured against jsdom and happy-dom: docs/decisions/0001-html-dom.md, see linkedom-document.ts), in
 * the browser its own DOMParser, which builds an inert document (no script runs, nothing loads).
 */
import { Parser } from 'htmlparser2'
import { IngestError } from '../../core/pipeline'

/** Builds a document from markup that passed the checks (cut of scripts, styles and comments). */
export type ParseMarkup = (markup: string) => Document

/**
 * Longest page accepted, in UTF-16 code units. The largest of the benchmark's 91 real pages is 1.4 million;
 * past this the time spent is the reader's loss, not a page's size.
 */
export const MAX_HTML_LENGTH = 10_000_000

/**
 * Deepest element nesting accepted. Real pages nest at most 50 deep (the benchmark's 91; Chromium's own
 * parser stops nesting at 512). Readability's time grows with the square of the depth: an article under
 * 200 nested elements takes about 0.9 s, under 500 about 5 s, so deeper markup (generated or hostile) is
 * refused rather than read slowly.
 */
export const MAX_HTML_DEPTH = 200

const formatCount = (n: number) => n.toLocaleString('en-US')

// The element names whose whole content is cut: never text a reader sees in the article. Icons (svg) and
// menus of options are cut too: they are a large share of a modern page's nodes, and every node costs
// linkedom an object or two (median CPU a page 44 -> 40 ms with them cut).
const CUT = /<(script|style|noscript|template|textarea|iframe|svg|select)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi
// A comment runs to "-->" (or to the end of an unclosed one, as a browser reads it).
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g

/** JSON-LD is the one script kept: it is the page's own statement of headline, author and date. */
const isJsonLd = (openTag: string) => /^<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json/i.test(openTag)

/** The markup without comments and without the content of elements that never hold article text. */
export function stripNonContent(html: string): string {
  return html
    .replace(COMMENT, '')
    .replace(CUT, (whole, tag: string) =>
      tag.toLowerCase() === 'script' && isJsonLd(whole.slice(0, whole.indexOf('>') + 1)) ? whole : '',
    )
}

class TooDeep extends Error {}

/** The deepest element nesting in the markup, as the parser that builds the tree sees it; stops past `limit`. */
export function nestingDepth(html: string, limit = Infinity): number {
  let depth = 0
  let max = 0
  const parser = new Parser(
    {
      onopentag() {
        depth += 1
        if (depth > max) max = depth
        if (max > limit) throw new TooDeep()
      },
      onclosetag() {
        depth -= 1
      },
    },
    { decodeEntities: false },
  )
  try {
    parser.end(html)
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error
  }
  return max
}

/** The page as a document. Throws an IngestError for a page too large or too deeply nested to read. */
export function parsePage(html: string, parseMarkup: ParseMarkup): Document {
  if (html.length > MAX_HTML_LENGTH) {
    throw new IngestError(
      'too-large',
      `the page is ${formatCount(html.length)} characters long; the limit for a saved HTML page is ${formatCount(MAX_HTML_LENGTH)}`,
    )
  }
  const markup = stripNonContent(html)
  const depth = nestingDepth(markup, MAX_HTML_DEPTH)
  if (depth > MAX_HTML_DEPTH) {
    throw new IngestError(
      'too-deep',
      `the page's elements are nested more than ${formatCount(MAX_HTML_DEPTH)} levels deep; real pages nest a few dozen (is it generated or damaged?)`,
    )
  }
  return parseMarkup(markup)
}
