import type { Quote } from '../../core/schema'

/**
 * How one block of text (headline, deck or paragraph) is cut into plain text and quotes, so that it can be
 * rendered as React text nodes — never as HTML. The text is never changed: joining every text piece gives
 * it back exactly.
 *
 * Quotes come from automatic analysis and may be imperfect: offsets outside the text or reversed are
 * skipped; a quote inside another is nested; two quotes that cross are cut where the first one ends.
 */
export type TextPiece = { kind: 'text'; text: string; start: number }
export type QuotePiece = { kind: 'quote'; quote: Quote; start: number; end: number; children: Piece[] }
/** Where the speaker label goes: after the quote and its closing quotation mark. */
export type ChipPiece = { kind: 'chip'; quote: Quote }
export type Piece = TextPiece | QuotePiece | ChipPiece

export type QuoteLayout = {
  pieces: Piece[]
  /** Ids of the quotes that could be placed, in reading order. */
  placed: string[]
}

type Node = { quote: Quote; start: number; end: number; chipAt: number; children: Node[] }

const CLOSING_MARKS = new Set(['"', '\u201d', '\u2019', "'", '\u00bb', '\u203a', '\u300d', '\u300f'])

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Moves an offset off the middle of a surrogate pair, so no emoji or rare character is cut in two. */
function snap(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) ? offset + 1 : offset
}

function validRange(text: string, quote: Quote): [number, number] | null {
  const { start, end } = quote
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null
  if (start < 0 || end > text.length || start >= end) return null
  const s = snap(text, start)
  const e = snap(text, end)
  return s < e ? [s, e] : null
}

function buildTree(text: string, quotes: readonly Quote[]): Node[] {
  type Item = { quote: Quote; start: number; end: number }
  // Outer quotes first: earlier start, then longer.
  const order = (a: Item, b: Item) => a.start - b.start || b.end - a.end
  const queue: Item[] = []
  for (const quote of quotes) {
    const range = validRange(text, quote)
    if (range) queue.push({ quote, start: range[0], end: range[1] })
  }
  queue.sort(order)

  const roots: Node[] = []
  const stack: Node[] = []
  while (queue.length > 0) {
    const item = queue.shift()!
    while (stack.length > 0 && stack[stack.length - 1]!.end <= item.start) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent && item.end > parent.end) {
      // Crossing quotes cannot both be elements: keep the part after the first one ends, and queue it
      // again at its new start (so quotes are still taken in order of where they begin).
      item.start = parent.end
      if (item.start < item.end) {
        const at = queue.findIndex((other) => order(item, other) < 0)
        queue.splice(at === -1 ? queue.length : at, 0, item)
      }
      continue
    }
    const node: Node = { quote: item.quote, start: item.start, end: item.end, chipAt: item.end, children: [] }
    if (parent) parent.children.push(node)
    else roots.push(node)
    stack.push(node)
  }
  return roots
}

/** Puts each label after its quote's closing mark, never inside the next quote or past its parent. */
function placeChips(text: string, nodes: Node[], limit: number): void {
  nodes.forEach((node, i) => {
    const next = nodes[i + 1]
    const bound = Math.min(next ? next.start : limit, node.end + 2)
    let at = node.end
    while (at < bound && CLOSING_MARKS.has(text[at] ?? '')) at++
    node.chipAt = at
    placeChips(text, node.children, node.end)
  })
}

function toPieces(text: string, nodes: Node[], from: number, to: number, placed: string[]): Piece[] {
  const pieces: Piece[] = []
  let cursor = from
  for (const node of nodes) {
    if (node.start > cursor)
      pieces.push({ kind: 'text', text: text.slice(cursor, node.start), start: cursor })
    placed.push(node.quote.id)
    pieces.push({
      kind: 'quote',
      quote: node.quote,
      start: node.start,
      end: node.end,
      children: toPieces(text, node.children, node.start, node.end, placed),
    })
    if (node.chipAt > node.end)
      pieces.push({ kind: 'text', text: text.slice(node.end, node.chipAt), start: node.end })
    pieces.push({ kind: 'chip', quote: node.quote })
    cursor = node.chipAt
  }
  if (cursor < to) pieces.push({ kind: 'text', text: text.slice(cursor, to), start: cursor })
  return pieces
}

export function layoutQuotes(text: string, quotes: readonly Quote[]): QuoteLayout {
  const roots = buildTree(text, quotes)
  placeChips(text, roots, text.length)
  const placed: string[] = []
  const pieces = toPieces(text, roots, 0, text.length, placed)
  return { pieces, placed }
}

/** The text of pieces, as rendered without labels — equal to the block's text. */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'quote' ? piecesText(p.children) : ''))
    .join('')
}
