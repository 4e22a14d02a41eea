import { createSelector, type TextSelector } from '../../core/selectors'

/**
 * The reader renders each paragraph's text inside an element carrying this attribute (its value is the
 * paragraph id). Only text nodes inside it count towards offsets.
 */
export const PASSAGE_TEXT_ATTR = 'data-passage-text'
/**
 * Things the reader inserts into the text that are not the article's words (speaker labels, quote
 * details). Their text is skipped, so offsets stay offsets into `paragraph.text`.
 */
export const READER_EXTRA_ATTR = 'data-reader-extra'

/** The article's own text nodes inside a paragraph's text container, in document order. */
export function articleTextNodes(container: Element): Text[] {
  const doc = container.ownerDocument
  const view = doc.defaultView
  const filter = view?.NodeFilter ?? NodeFilter
  const walker = doc.createTreeWalker(container, filter.SHOW_TEXT | filter.SHOW_ELEMENT, {
    acceptNode: (node) =>
      node.nodeType === 1
        ? (node as Element).hasAttribute(READER_EXTRA_ATTR)
          ? filter.FILTER_REJECT
          : filter.FILTER_SKIP
        : filter.FILTER_ACCEPT,
  })
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
  return nodes
}

/**
 * The offset in the paragraph's text of a DOM boundary point (as a Range or Selection gives it) inside
 * `container`. A point inside a speaker label counts as the place where the label sits in the text.
 */
export function textOffsetAt(container: Element, node: Node, offset: number): number {
  const nodes = articleTextNodes(container)
  const point = container.ownerDocument.createRange()
  point.setStart(node, offset)
  let total = 0
  for (const t of nodes) {
    if (t === node) return total + Math.min(Math.max(offset, 0), t.length)
    // comparePoint < 0: this text node starts before the boundary, so (having no children) it lies wholly before it.
    if (point.comparePoint(t, 0) < 0) total += t.length
    else break
  }
  return total
}

/** A selected passage: which paragraph, and where in its text (UTF-16 offsets, end exclusive). */
export type PassageRange = { paragraphId: string; start: number; end: number }

/** Where `range` covers the text of one paragraph container, as offsets into `text`. */
function coveredOffsets(range: Range, container: Element, text: string): { start: number; end: number } {
  const start = container.contains(range.startContainer)
    ? textOffsetAt(container, range.startContainer, range.startOffset)
    : 0
  const end = container.contains(range.endContainer)
    ? textOffsetAt(container, range.endContainer, range.endOffset)
    : text.length
  return { start, end }
}

/** A selected passage the link is made for, and what of the selection it leaves out. */
export type SelectedPassage = {
  range: PassageRange
  selector: TextSelector
  /** Later paragraphs whose words were selected too but are not in the link (a link covers one paragraph). */
  leftOut: string[]
}

/**
 * The part of `range` inside one paragraph's text: the first paragraph the range covers any words of.
 * A link names one paragraph, so a selection that runs on into later paragraphs is cut at the end of the
 * first one, and `leftOut` says which paragraphs were cut, for the reader to be told. `textOf` gives the
 * paragraph's text from the data; if what is rendered differs from it (it never should), that paragraph
 * is skipped rather than linked with wrong offsets.
 */
export function passageFromRange(
  range: Range,
  root: Element,
  textOf: (paragraphId: string) => string | undefined,
): SelectedPassage | null {
  if (range.collapsed) return null
  let found: SelectedPassage | null = null
  for (const container of root.querySelectorAll(`[${PASSAGE_TEXT_ATTR}]`)) {
    if (!range.intersectsNode(container)) continue
    const id = container.getAttribute(PASSAGE_TEXT_ATTR) ?? ''
    const text = textOf(id)
    if (text === undefined) continue
    if (
      articleTextNodes(container)
        .map((t) => t.data)
        .join('') !== text
    )
      continue
    const { start, end } = coveredOffsets(range, container, text)
    if (found) {
      // Words, not only the line break a triple click or a drag to a paragraph's start reaches into.
      if (/\S/.test(text.slice(start, end))) found.leftOut.push(id)
      continue
    }
    const selector = createSelector(text, start, end, id)
    if (selector)
      found = { range: { paragraphId: id, start: selector.start, end: selector.end }, selector, leftOut: [] }
  }
  return found
}
