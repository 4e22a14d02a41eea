/**
 * The article's body in a parsed page, as paragraphs. Mozilla's Readability (Firefox's Reader View) finds
 * the main content; its result is turned into one string per block, list items marked as bullets.
 */
import { Readability } from '@mozilla/readability'
import { squash } from './metadata'
import { pruneContent } from './prune'

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
  'TR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'FIGURE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'MAIN',
  'BR',
  'HR',
])

const ELEMENT = 1
const TEXT = 3

function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children)) if (BLOCKS.has(child.tagName)) return true
  return false
}

/** The article's blocks in document order, one string each; list items marked as bullets. */
export function blockTexts(root: Element): string[] {
  const out: string[] = []
  const push = (text: string, tag: string) => {
    const t = squash(text)
    if (t !== '') out.push(tag === 'LI' ? `• ${t}` : t)
  }
  // Recursion is safe here: parsePage refuses markup nested deeper than MAX_HTML_DEPTH.
  const walk = (el: Element) => {
    if (!hasBlockChild(el)) {
      push(el.textContent ?? '', el.tagName)
      return
    }
    // Mixed content: runs of inline text between blocks are paragraphs of their own; <br> ends one.
    let inline = ''
    let first = true
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === ELEMENT && BLOCKS.has((node as Element).tagName)) {
        push(inline, first && el.tagName === 'LI' ? 'LI' : '')
        inline = ''
        first = false
        walk(node as Element)
      } else if (node.nodeType === TEXT || node.nodeType === ELEMENT) {
        inline += node.textContent ?? ''
      }
    }
    push(inline, first && el.tagName === 'LI' ? 'LI' : '')
  }
  walk(root)
  return out
}

/**
 * The caption of a picture placed before the first paragraph: the article's lead photo, which the reader
 * shows as its caption. Captions further down are dropped with their pictures by pruneContent.
 */
function leadingCaption(root: Element): string | null {
  for (const el of Array.from(root.querySelectorAll('p, figcaption'))) {
    const text = squash(el.textContent ?? '')
    const isCaption = el.tagName.toUpperCase() === 'FIGCAPTION'
    // A label or a byline above the photo is not yet the article's first paragraph.
    if (text === '' || (!isCaption && text.split(' ').length < 8)) continue
    return el.tagName.toUpperCase() === 'FIGCAPTION' ? text : null
  }
  return null
}

export type ReadabilityResult = {
  paragraphs: string[]
  /** The caption of the picture that leads the article (before its first paragraph), credit included. */
  leadCaption: string | null
  title: string | null
  byline: string | null
  excerpt: string | null
  siteName: string | null
  publishedTime: string | null
}

/** Readability's reading of the page; null when it finds no main content. Changes the document. */
export function readabilityBody(doc: Document): ReadabilityResult | null {
  // Classes kept: pruneContent reads them to find furniture Readability left in.
  const result = new Readability<Node>(doc, { serializer: (node) => node, keepClasses: true }).parse()
  const content = result?.content
  if (!result || !content || content.nodeType !== ELEMENT) return null
  const leadCaption = leadingCaption(content as Element)
  pruneContent(content as Element)
  const s = (v: string | null | undefined) => (v && squash(v) !== '' ? squash(v) : null)
  return {
    paragraphs: blockTexts(content as Element),
    leadCaption,
    title: s(result.title),
    byline: s(result.byline),
    excerpt: s(result.excerpt),
    siteName: s(result.siteName),
    publishedTime: s(result.publishedTime),
  }
}
