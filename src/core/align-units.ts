/**
 * The passages alignment links: every sentence of an article, headline and deck included, in reading
 * order. A block without sentences (the segmenter has not run, or found none) counts as one passage. Pure.
 */
import type { Article, Span } from './schema'

export type Block = { id: string; text: string }

export type Unit = {
  /** Position in reading order across the whole article. */
  index: number
  span: Span
  text: string
}

/** Headline, deck and body paragraphs in reading order, each with its text. */
export function articleBlocks(article: Article): Block[] {
  const blocks: Block[] = []
  const inBody = new Set(article.paragraphs.map((p) => p.id))
  if (!inBody.has('headline')) blocks.push({ id: 'headline', text: article.headline })
  if (article.deck && article.deck.trim() && !inBody.has('deck'))
    blocks.push({ id: 'deck', text: article.deck })
  for (const p of article.paragraphs) blocks.push({ id: p.id, text: p.text })
  return blocks
}

function trimmedSpan(text: string, paragraphId: string, start: number, end: number): Unit['span'] | null {
  let s = Math.max(0, Math.min(start, text.length))
  let e = Math.max(s, Math.min(end, text.length))
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  return e > s ? { paragraphId, start: s, end: e } : null
}

export function articleUnits(article: Article, blocks: readonly Block[]): Unit[] {
  const sentencesByBlock = new Map<string, { start: number; end: number }[]>()
  for (const s of article.sentences) {
    const list = sentencesByBlock.get(s.paragraphId) ?? []
    list.push(s)
    sentencesByBlock.set(s.paragraphId, list)
  }
  const units: Unit[] = []
  for (const block of blocks) {
    const sentences = (sentencesByBlock.get(block.id) ?? []).slice().sort((a, b) => a.start - b.start)
    const ranges = sentences.length > 0 ? sentences : [{ start: 0, end: block.text.length }]
    let covered = 0
    for (const range of ranges) {
      // Overlapping sentences would put one passage in two units; keep the first claim.
      const span = trimmedSpan(block.text, block.id, Math.max(range.start, covered), range.end)
      if (!span) continue
      covered = span.end
      units.push({ index: units.length, span, text: block.text.slice(span.start, span.end) })
    }
  }
  return units
}

/** Units grouped by block, in order, for finding the unit at an offset without scanning them all. */
export function unitsByBlock(units: readonly Unit[]): Map<string, Unit[]> {
  const byBlock = new Map<string, Unit[]>()
  for (const u of units) {
    const list = byBlock.get(u.span.paragraphId)
    if (list) list.push(u)
    else byBlock.set(u.span.paragraphId, [u])
  }
  return byBlock
}

/** The unit whose span holds `offset` in block `paragraphId` (or the nearest one after it), if any. */
export function unitAt(
  byBlock: ReadonlyMap<string, readonly Unit[]>,
  paragraphId: string,
  offset: number,
): Unit | null {
  for (const u of byBlock.get(paragraphId) ?? []) {
    if (offset < u.span.end) return u
  }
  return null
}
