/**
 * A saved HTML page -> scraped-style text for the pipeline. Mozilla's Readability (the engine of
 * Firefox's Reader View) finds the article in the page; this module only turns its result into lines:
 * title, deck, byline, date, then one paragraph per block, separated by blank lines. The pipeline then
 * cleans that text like any other, so HTML and .txt input follow the same rules.
 */
import { createRequire } from 'node:module'
import { Readability } from '@mozilla/readability'
import { IngestError } from '../core/pipeline'

// jsdom ships no types (and @types/jsdom is not installed): load it untyped and describe the part used
// here, rather than declaring the module globally and colliding with other declarations of it.
type JsdomModule = {
  JSDOM: new (
    html: string,
    options: { url: string; virtualConsole: unknown },
  ) => { window: Window & typeof globalThis }
  VirtualConsole: new () => unknown
}
let jsdom: JsdomModule | null = null
// Loaded on first use: jsdom takes a while to load, and most runs ingest only .txt files.
const loadJsdom = () => (jsdom ??= createRequire(import.meta.url)('jsdom') as JsdomModule)

export type HtmlArticle = {
  /** Text in the shape of a scraped page: the pipeline's input. */
  text: string
  /** The page's own name for itself (og:site_name), when it states one. */
  siteName: string | null
}

// Elements whose text is one paragraph of the article, unless they contain further blocks.
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'PRE',
  'DT',
  'DD',
  'DIV',
  'SECTION',
  'ARTICLE',
  'TD',
  'TH',
  'TABLE',
  'UL',
  'OL',
  'FIGURE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'MAIN',
])

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children)) if (BLOCKS.has(child.tagName)) return true
  return false
}

/** The article's blocks in document order, one string each; list items marked as bullets. */
function blockTexts(root: Element): string[] {
  const out: string[] = []
  const walk = (el: Element) => {
    if (!hasBlockChild(el)) {
      const text = squash(el.textContent ?? '')
      if (text !== '') out.push(el.tagName === 'LI' ? `• ${text}` : text)
      return
    }
    // Mixed content: runs of inline text between blocks are paragraphs of their own.
    let inline = ''
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === node.ELEMENT_NODE && BLOCKS.has((node as Element).tagName)) {
        if (squash(inline) !== '') out.push(squash(inline))
        inline = ''
        walk(node as Element)
      } else {
        inline += node.textContent ?? ''
      }
    }
    if (squash(inline) !== '') out.push(squash(inline))
  }
  walk(root)
  return out
}

/** YYYY-MM-DD from an ISO timestamp as the page wrote it (its own local date, no time-zone shift). */
function statedDate(value: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value?.trim() ?? '')
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null
}

/** Finds the article in a saved page. Throws an IngestError when the page has none. */
export function htmlToArticleText(html: string, url?: string): HtmlArticle {
  const { JSDOM, VirtualConsole } = loadJsdom()
  // A silent console: pages are full of CSS jsdom cannot parse, which is not the reader's problem.
  const dom = new JSDOM(html, { url: url ?? 'https://localhost/', virtualConsole: new VirtualConsole() })
  try {
    const result = new Readability<Node>(dom.window.document, { serializer: (node) => node }).parse()
    const content = result?.content
    if (!result || !content || content.nodeType !== content.ELEMENT_NODE) {
      throw new IngestError(
        'no-body',
        'no article was found in this HTML page (Readability found no main text)',
      )
    }
    const paragraphs = blockTexts(content as Element)
    const title = squash(result.title ?? '')
    const lines: string[] = []
    if (title !== '') lines.push(title)
    const excerpt = squash(result.excerpt ?? '')
    const body = paragraphs.join(' ')
    // The description is a deck only when it is not just the opening of the text.
    if (excerpt !== '' && !body.includes(excerpt.replace(/…$|\.\.\.$/, '').slice(0, 80))) lines.push(excerpt)
    const byline = squash(result.byline ?? '')
    if (byline !== '') lines.push(/^by\s/i.test(byline) ? byline : `By ${byline}`)
    const published = statedDate(result.publishedTime)
    if (published) lines.push(`Published: ${published}`)
    return { text: [...lines, ...paragraphs].join('\n\n'), siteName: squash(result.siteName ?? '') || null }
  } finally {
    dom.window.close()
  }
}
