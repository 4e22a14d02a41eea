import type { Article, Quote } from '../../core/schema'
import { layoutQuotes, type QuoteLayout } from './quote-layout'

/** The id of the group of quotes nobody was found to have said (`?speaker=_unknown`); never a slug. */
export const UNKNOWN_SPEAKER = '_unknown'
/** Colours available for speakers; more speakers reuse them (the name is always shown too). */
export const SPEAKER_COLOURS = 8

export type SpeakerGroup = {
  /** A speaker id, or UNKNOWN_SPEAKER. */
  id: string
  name: string
  role: string | null
  /** In reading order. */
  quotes: Quote[]
  /** 1..SPEAKER_COLOURS for people, 0 for the unknown group. */
  colour: number
}

export type Block = { id: string; text: string; kind: 'headline' | 'deck' | 'paragraph' }

export type ArticleQuotes = {
  blocks: Block[]
  layouts: Map<string, QuoteLayout>
  /** Placed quotes in reading order (what "next quote" walks through). */
  order: Quote[]
  groups: SpeakerGroup[]
  /** Speaker group id for each quote id. */
  groupOf: Map<string, SpeakerGroup>
  /** Quotes whose offsets could not be placed in their text (listed, but not highlighted). */
  unplaced: Quote[]
}

export function articleBlocks(article: Article): Block[] {
  const blocks: Block[] = [{ id: 'headline', text: article.headline, kind: 'headline' }]
  if (article.deck) blocks.push({ id: 'deck', text: article.deck, kind: 'deck' })
  for (const p of article.paragraphs) blocks.push({ id: p.id, text: p.text, kind: 'paragraph' })
  return blocks
}

/**
 * Everything the reader needs about quotes, computed once per article: each block's layout, the reading
 * order, and the speaker groups (most quoted first, "Unknown speaker" last) with their colours.
 */
export function analyseArticleQuotes(article: Article): ArticleQuotes {
  const blocks = articleBlocks(article)
  const byBlock = new Map<string, Quote[]>()
  for (const q of article.quotes) {
    const list = byBlock.get(q.paragraphId)
    if (list) list.push(q)
    else byBlock.set(q.paragraphId, [q])
  }
  const layouts = new Map<string, QuoteLayout>()
  const byId = new Map(article.quotes.map((q) => [q.id, q] as const))
  const order: Quote[] = []
  for (const block of blocks) {
    const layout = layoutQuotes(block.text, byBlock.get(block.id) ?? [])
    layouts.set(block.id, layout)
    for (const id of layout.placed) {
      const q = byId.get(id)
      if (q) order.push(q)
    }
  }
  const placedIds = new Set(order.map((q) => q.id))
  const unplaced = article.quotes.filter((q) => !placedIds.has(q.id))

  const speakers = new Map(article.speakers.map((s) => [s.id, s] as const))
  const people = new Map<string, SpeakerGroup>()
  const unknown: SpeakerGroup = {
    id: UNKNOWN_SPEAKER,
    name: 'Unknown speaker',
    role: null,
    quotes: [],
    colour: 0,
  }
  for (const q of [...order, ...unplaced]) {
    const speaker = q.speakerId ? speakers.get(q.speakerId) : undefined
    if (!speaker) {
      unknown.quotes.push(q)
      continue
    }
    let group = people.get(speaker.id)
    if (!group) {
      group = { id: speaker.id, name: speaker.name, role: speaker.role, quotes: [], colour: 0 }
      people.set(speaker.id, group)
    }
    group.quotes.push(q)
  }
  // Map order is first appearance; a stable sort by count keeps that as the tie-break.
  const groups = [...people.values()].sort((a, b) => b.quotes.length - a.quotes.length)
  groups.forEach((g, i) => {
    g.colour = (i % SPEAKER_COLOURS) + 1
  })
  if (unknown.quotes.length > 0) groups.push(unknown)
  const groupOf = new Map<string, SpeakerGroup>()
  for (const g of groups) for (const q of g.quotes) groupOf.set(q.id, g)
  return { blocks, layouts, order, groups, groupOf, unplaced }
}
