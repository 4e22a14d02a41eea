/**
 * The comparison's summary panel, computed from two articles and the links between them: how each outlet
 * framed the story, how long it is, whom it quotes and how much, whom and what only one side mentions, and
 * how faithfully each reproduces the quotes both carry. Pure.
 */
import { compareQuoteWording, type QuoteFidelity, type WordingOp } from './align'
import { wordTokens } from './align-words'
import type { Article, Comparison, EntityType, Link, LinkKind, Quote, Span } from './schema'

export type QuoteShare = {
  /** null for quotes whose speaker the pipeline could not identify. */
  speakerId: string | null
  name: string | null
  quotes: number
  /** Words inside this speaker's quotation marks. */
  words: number
  /** Share of all quoted words in the article, 0..1. */
  share: number
}

export type OneSideEntity = { id: string; name: string; mentions: number }

export type SideSummary = {
  articleId: string
  outlet: string | null
  headline: string
  deck: string | null
  /** The first body paragraph. */
  lead: string | null
  words: number
  /** Direct quotations; scare quotes around a word or two in a title are not counted. */
  quoteCount: number
  quotedWords: number
  /** Most quoted first. */
  quoteShare: QuoteShare[]
  /** People, places and organisations the other article never names. */
  onlyHere: Record<EntityType, OneSideEntity[]>
}

export type QuoteRendering = {
  paragraphId: string
  /** The quoted words, or the whole passage when this side reports the statement without quoting it. */
  text: string
  quoted: boolean
  speaker: string | null
}

export type SharedQuote = {
  linkId: string
  kind: LinkKind
  left: QuoteRendering
  right: QuoteRendering
  fidelity: QuoteFidelity
  /** Word-by-word difference, left wording to right wording (`removed`: left only, `added`: right only). */
  ops: WordingOp[]
}

export type ComparisonSummary = {
  left: SideSummary
  right: SideSummary
  sharedQuotes: SharedQuote[]
}

const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization']

function directQuotes(article: Article): Quote[] {
  return article.quotes.filter((q) => q.kind !== 'scare')
}

function speakerName(article: Article, speakerId: string | null): string | null {
  if (speakerId === null) return null
  return article.speakers.find((s) => s.id === speakerId)?.name ?? null
}

export function quoteShareBySpeaker(article: Article): QuoteShare[] {
  const bySpeaker = new Map<string | null, { quotes: number; words: number }>()
  let total = 0
  for (const quote of directQuotes(article)) {
    // A speaker id missing from the speaker list is as good as unknown.
    const id = speakerName(article, quote.speakerId) === null ? null : quote.speakerId
    const words = wordTokens(quote.text).length
    const entry = bySpeaker.get(id) ?? { quotes: 0, words: 0 }
    entry.quotes += 1
    entry.words += words
    bySpeaker.set(id, entry)
    total += words
  }
  return [...bySpeaker.entries()]
    .map(([speakerId, { quotes, words }]) => ({
      speakerId,
      name: speakerName(article, speakerId),
      quotes,
      words,
      share: total === 0 ? 0 : words / total,
    }))
    .sort(
      (a, b) =>
        b.words - a.words ||
        b.quotes - a.quotes ||
        // Unattributed quotes last among equals; then by name so the order is stable.
        Number(a.speakerId === null) - Number(b.speakerId === null) ||
        (a.name ?? '').localeCompare(b.name ?? ''),
    )
}

/** Lowercase words separated by single spaces, padded, so ` name ` containment means whole words. */
function foldForMatch(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’ʼ]/g, "'")
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  return ` ${words.join(' ')} `
}

function fullText(article: Article): string {
  return [article.headline, article.deck ?? '', ...article.paragraphs.map((p) => p.text)].join('\n')
}

/**
 * Whether an article names an entity: by the other article's own entity list (same id or name), or by
 * the name appearing in its text — for a person also the family name alone ("Abe" names "Shinzo Abe"),
 * since outlets shorten names after the first mention. Text matching catches names the other side's
 * entity extraction missed, so "only here" is claimed only when the name truly is absent.
 */
function names(
  article: Article,
  foldedText: string,
  entity: { id: string; name: string; type: EntityType },
): boolean {
  const name = foldForMatch(entity.name)
  if (article.entities.some((e) => e.id === entity.id || foldForMatch(e.name) === name)) return true
  if (name.trim() === '') return true
  if (foldedText.includes(name)) return true
  if (entity.type === 'person') {
    const tokens = name.trim().split(' ')
    const family = tokens[tokens.length - 1]
    if (tokens.length >= 2 && family && family.length >= 3 && foldedText.includes(` ${family} `)) return true
  }
  return false
}

export function entitiesOnlyIn(article: Article, other: Article): Record<EntityType, OneSideEntity[]> {
  const otherText = foldForMatch(fullText(other))
  const result: Record<EntityType, OneSideEntity[]> = { person: [], place: [], organization: [] }
  for (const entity of article.entities) {
    if (names(other, otherText, entity)) continue
    result[entity.type].push({ id: entity.id, name: entity.name, mentions: entity.mentions.length })
  }
  for (const type of ENTITY_TYPES) {
    result[type].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
  }
  return result
}

function sideSummary(article: Article, other: Article): SideSummary {
  const quoteShare = quoteShareBySpeaker(article)
  return {
    articleId: article.id,
    outlet: article.outlet,
    headline: article.headline,
    deck: article.deck,
    lead: article.paragraphs[0]?.text ?? null,
    words: article.wordCount,
    quoteCount: directQuotes(article).length,
    quotedWords: quoteShare.reduce((n, s) => n + s.words, 0),
    quoteShare,
    onlyHere: entitiesOnlyIn(article, other),
  }
}

function quotesIn(article: Article, span: Span): Quote[] {
  return directQuotes(article).filter(
    (q) => q.paragraphId === span.paragraphId && q.start < span.end && q.end > span.start,
  )
}

function quotesNamed(article: Article, quoteId: string | undefined): Quote[] | null {
  const quote = quoteId === undefined ? undefined : directQuotes(article).find((q) => q.id === quoteId)
  return quote ? [quote] : null
}

function blockText(article: Article, blockId: string): string {
  if (blockId === 'headline') return article.headline
  if (blockId === 'deck') return article.deck ?? ''
  return article.paragraphs.find((p) => p.id === blockId)?.text ?? ''
}

function spanText(article: Article, span: Span): string {
  return blockText(article, span.paragraphId).slice(span.start, span.end).trim()
}

function sameWords(ops: readonly WordingOp[]): number {
  return ops.reduce((n, op) => (op.type === 'same' ? n + wordTokens(op.text).length : n), 0)
}

/**
 * The quotes both articles carry: links whose passages hold a direct quotation on at least one side
 * (for a quote reported without quotation marks on the other side, that side's passage stands in and the
 * rendering is a paraphrase). When a passage holds several quotes, the pair sharing the most words is
 * taken. One entry per pair of quotes, in the left article's reading order.
 */
export function sharedQuotes(left: Article, right: Article, links: readonly Link[]): SharedQuote[] {
  const result: SharedQuote[] = []
  const seen = new Set<string>()
  for (const link of links) {
    // The alignment may name the quotes a same-quote link pairs; otherwise look inside the passages.
    const leftQuotes = quotesNamed(left, link.leftQuoteId) ?? quotesIn(left, link.left)
    const rightQuotes = quotesNamed(right, link.rightQuoteId) ?? quotesIn(right, link.right)
    if (leftQuotes.length === 0 && rightQuotes.length === 0) continue
    // A same-fact link is a shared quote only when both sides quote and the wording shows it is the same
    // statement; same-quote and paraphrase links are shared quotes by kind. Checked before comparing
    // wording, which is the costly part.
    if (link.kind === 'same-fact' && (leftQuotes.length === 0 || rightQuotes.length === 0)) continue
    const leftOptions: (Quote | null)[] = leftQuotes.length > 0 ? leftQuotes : [null]
    const rightOptions: (Quote | null)[] = rightQuotes.length > 0 ? rightQuotes : [null]
    let best: {
      lq: Quote | null
      rq: Quote | null
      fidelity: QuoteFidelity
      ops: WordingOp[]
      same: number
    } | null = null
    for (const lq of leftOptions) {
      for (const rq of rightOptions) {
        const { fidelity, ops } = compareQuoteWording(
          lq?.text ?? spanText(left, link.left),
          rq?.text ?? spanText(right, link.right),
        )
        const same = sameWords(ops)
        if (!best || same > best.same) best = { lq, rq, fidelity, ops, same }
      }
    }
    if (!best || best.same === 0) continue
    const bothQuoted = best.lq !== null && best.rq !== null
    if (link.kind === 'same-fact' && !(bothQuoted && best.fidelity !== 'paraphrased')) continue
    const key = `${best.lq?.id ?? `${link.left.paragraphId}:${link.left.start}`}|${best.rq?.id ?? `${link.right.paragraphId}:${link.right.start}`}`
    if (seen.has(key)) continue
    seen.add(key)
    result.push({
      linkId: link.id,
      kind: link.kind,
      left: rendering(left, link.left, best.lq),
      right: rendering(right, link.right, best.rq),
      // Words carried without quotation marks on one side are that outlet's wording, not a quotation.
      fidelity: bothQuoted ? best.fidelity : 'paraphrased',
      ops: best.ops,
    })
  }
  return result
}

function rendering(article: Article, span: Span, quote: Quote | null): QuoteRendering {
  if (quote) {
    return {
      paragraphId: quote.paragraphId,
      text: quote.text,
      quoted: true,
      speaker: speakerName(article, quote.speakerId),
    }
  }
  return { paragraphId: span.paragraphId, text: spanText(article, span), quoted: false, speaker: null }
}

export function summariseComparison(
  left: Article,
  right: Article,
  comparison: Comparison,
): ComparisonSummary {
  const order = (article: Article) => {
    const ids = ['headline', 'deck', ...article.paragraphs.map((p) => p.id)]
    return (span: Span) => ids.indexOf(span.paragraphId)
  }
  const leftOrder = order(left)
  const links = [...comparison.links].sort(
    (a, b) => leftOrder(a.left) - leftOrder(b.left) || a.left.start - b.left.start,
  )
  return {
    left: sideSummary(left, right),
    right: sideSummary(right, left),
    sharedQuotes: sharedQuotes(left, right, links),
  }
}
