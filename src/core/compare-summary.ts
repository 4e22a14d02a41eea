/**
 * The comparison's summary panel, computed from two articles and the links between them: how each outlet
 * framed the story, how long it is, whom it quotes and how much, whom and what only one side mentions, and
 * how faithfully each reproduces the quotes both carry. Pure.
 */
import { compareQuoteWording, type QuoteFidelity, type WordingOp } from './quote-wording'
import { wordTokens } from './align-words'
import type { Article, Comparison, EntityType, Link, LinkKind, Quote, Span } from './schema'
import { compareText } from './text-order'

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
  /**
   * Every quotation the reader marks and counts, the headline's and scare quotes included: the summary
   * and the reader give one number for one article.
   */
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

/**
 * What the summary looks up in one article, built once: direct quotes by id and by paragraph, speaker
 * names, block texts. The summary asks these for every link, so scanning the article each time would
 * make it quadratic on long articles.
 */
type ArticleLookups = {
  article: Article
  direct: Quote[]
  directById: Map<string, Quote>
  directByBlock: Map<string, Quote[]>
  speakerNames: Map<string, string>
  blockTexts: Map<string, string>
}

const lookupCache = new WeakMap<Article, ArticleLookups>()

function lookupsOf(article: Article): ArticleLookups {
  const cached = lookupCache.get(article)
  if (cached) return cached
  const direct = article.quotes.filter((q) => q.kind !== 'scare')
  const directByBlock = new Map<string, Quote[]>()
  for (const q of direct) {
    const list = directByBlock.get(q.paragraphId)
    if (list) list.push(q)
    else directByBlock.set(q.paragraphId, [q])
  }
  const speakerNames = new Map<string, string>()
  // The first speaker of an id wins, as a search from the start of the list would find.
  for (const s of article.speakers) if (!speakerNames.has(s.id)) speakerNames.set(s.id, s.name)
  const blockTexts = new Map<string, string>([['headline', article.headline]])
  blockTexts.set('deck', article.deck ?? '')
  for (const p of article.paragraphs) if (!blockTexts.has(p.id)) blockTexts.set(p.id, p.text)
  const lookups: ArticleLookups = {
    article,
    direct,
    directById: new Map(direct.map((q) => [q.id, q] as const).reverse()),
    directByBlock,
    speakerNames,
    blockTexts,
  }
  lookupCache.set(article, lookups)
  return lookups
}

function speakerName(a: ArticleLookups, speakerId: string | null): string | null {
  if (speakerId === null) return null
  return a.speakerNames.get(speakerId) ?? null
}

export function quoteShareBySpeaker(article: Article): QuoteShare[] {
  const a = lookupsOf(article)
  const bySpeaker = new Map<string | null, { quotes: number; words: number }>()
  let total = 0
  for (const quote of article.quotes) {
    // A speaker id missing from the speaker list is as good as unknown.
    const id = speakerName(a, quote.speakerId) === null ? null : quote.speakerId
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
      name: speakerName(a, speakerId),
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
        compareText(a.name ?? '', b.name ?? ''),
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

/** What one article names, folded once: its text, its entities' ids and folded names. */
type NamedIn = { text: string; entityIds: Set<string>; entityNames: Set<string> }

function namedIn(article: Article): NamedIn {
  return {
    text: foldForMatch(fullText(article)),
    entityIds: new Set(article.entities.map((e) => e.id)),
    entityNames: new Set(article.entities.map((e) => foldForMatch(e.name))),
  }
}

/**
 * Whether an article names an entity: by the other article's own entity list (same id or name), or by
 * the name appearing in its text — for a person also the family name alone ("Abe" names "Shinzo Abe"),
 * since outlets shorten names after the first mention. Text matching catches names the other side's
 * entity extraction missed, so "only here" is claimed only when the name truly is absent.
 */
function names(other: NamedIn, entity: { id: string; name: string; type: EntityType }): boolean {
  const name = foldForMatch(entity.name)
  if (other.entityIds.has(entity.id) || other.entityNames.has(name)) return true
  if (name.trim() === '') return true
  if (other.text.includes(name)) return true
  if (entity.type === 'person') {
    const tokens = name.trim().split(' ')
    const family = tokens[tokens.length - 1]
    if (tokens.length >= 2 && family && family.length >= 3 && other.text.includes(` ${family} `)) return true
  }
  return false
}

function onlyIn(article: Article, other: NamedIn): Record<EntityType, OneSideEntity[]> {
  const result: Record<EntityType, OneSideEntity[]> = { person: [], place: [], organization: [] }
  for (const entity of article.entities) {
    if (names(other, entity)) continue
    result[entity.type].push({ id: entity.id, name: entity.name, mentions: entity.mentions.length })
  }
  for (const type of ENTITY_TYPES) {
    result[type].sort((a, b) => b.mentions - a.mentions || compareText(a.name, b.name))
  }
  return result
}

export function entitiesOnlyIn(article: Article, other: Article): Record<EntityType, OneSideEntity[]> {
  return onlyIn(article, namedIn(other))
}

function sideSummary(article: Article, other: NamedIn): SideSummary {
  const quoteShare = quoteShareBySpeaker(article)
  return {
    articleId: article.id,
    outlet: article.outlet,
    headline: article.headline,
    deck: article.deck,
    lead: article.paragraphs[0]?.text ?? null,
    words: article.wordCount,
    quoteCount: article.quotes.length,
    quotedWords: quoteShare.reduce((n, s) => n + s.words, 0),
    quoteShare,
    onlyHere: onlyIn(article, other),
  }
}

function quotesIn(a: ArticleLookups, span: Span): Quote[] {
  return (a.directByBlock.get(span.paragraphId) ?? []).filter((q) => q.start < span.end && q.end > span.start)
}

function quotesNamed(a: ArticleLookups, quoteId: string | undefined): Quote[] | null {
  const quote = quoteId === undefined ? undefined : a.directById.get(quoteId)
  return quote ? [quote] : null
}

function spanText(a: ArticleLookups, span: Span): string {
  return (a.blockTexts.get(span.paragraphId) ?? '').slice(span.start, span.end).trim()
}

/** The shared quote a link makes, or null (see `sharedQuotes`); `seen` drops repeats of a pair of quotes. */
function sharedQuoteOf(
  L: ArticleLookups,
  R: ArticleLookups,
  link: Link,
  seen: Set<string>,
): SharedQuote | null {
  // The alignment may name the quotes a same-quote link pairs; otherwise look inside the passages.
  const leftQuotes = quotesNamed(L, link.leftQuoteId) ?? quotesIn(L, link.left)
  const rightQuotes = quotesNamed(R, link.rightQuoteId) ?? quotesIn(R, link.right)
  if (leftQuotes.length === 0 && rightQuotes.length === 0) return null
  // A same-fact link is a shared quote only when both sides quote and the wording shows it is the same
  // statement; same-quote and paraphrase links are shared quotes by kind. Checked before comparing
  // wording, which is the costly part.
  if (link.kind === 'same-fact' && (leftQuotes.length === 0 || rightQuotes.length === 0)) return null
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
      const {
        fidelity,
        ops,
        sameWords: same,
      } = compareQuoteWording(lq?.text ?? spanText(L, link.left), rq?.text ?? spanText(R, link.right))
      if (!best || same > best.same) best = { lq, rq, fidelity, ops, same }
    }
  }
  if (!best || best.same === 0) return null
  const bothQuoted = best.lq !== null && best.rq !== null
  if (link.kind === 'same-fact' && !(bothQuoted && best.fidelity !== 'paraphrased')) return null
  const key = `${best.lq?.id ?? `${link.left.paragraphId}:${link.left.start}`}|${best.rq?.id ?? `${link.right.paragraphId}:${link.right.start}`}`
  if (seen.has(key)) return null
  seen.add(key)
  return {
    linkId: link.id,
    kind: link.kind,
    left: rendering(L, link.left, best.lq),
    right: rendering(R, link.right, best.rq),
    // Words carried without quotation marks on one side are that outlet's wording, not a quotation.
    fidelity: bothQuoted ? best.fidelity : 'paraphrased',
    ops: best.ops,
  }
}

/**
 * The quotes both articles carry: links whose passages hold a direct quotation on at least one side
 * (for a quote reported without quotation marks on the other side, that side's passage stands in and the
 * rendering is a paraphrase). When a passage holds several quotes, the pair sharing the most words is
 * taken. One entry per pair of quotes, in the left article's reading order.
 */
export function sharedQuotes(left: Article, right: Article, links: readonly Link[]): SharedQuote[] {
  const L = lookupsOf(left)
  const R = lookupsOf(right)
  const seen = new Set<string>()
  const result: SharedQuote[] = []
  for (const link of links) {
    const shared = sharedQuoteOf(L, R, link, seen)
    if (shared) result.push(shared)
  }
  return result
}

function rendering(a: ArticleLookups, span: Span, quote: Quote | null): QuoteRendering {
  if (quote) {
    return {
      paragraphId: quote.paragraphId,
      text: quote.text,
      quoted: true,
      speaker: speakerName(a, quote.speakerId),
    }
  }
  return { paragraphId: span.paragraphId, text: spanText(a, span), quoted: false, speaker: null }
}

/** The links in the left article's reading order (headline, deck, paragraphs; then by offset). */
export function linksInReadingOrder(left: Article, comparison: Comparison): Link[] {
  const order = new Map<string, number>()
  for (const id of ['headline', 'deck', ...left.paragraphs.map((p) => p.id)]) {
    if (!order.has(id)) order.set(id, order.size)
  }
  const at = (span: Span) => order.get(span.paragraphId) ?? -1
  return [...comparison.links].sort((a, b) => at(a.left) - at(b.left) || a.left.start - b.left.start)
}

/**
 * The summary, computed a piece at a time: each `next()` does a bounded amount of work (one side's
 * figures, or a few links' quote wording) and the last returns the summary. A view on the main thread
 * runs pieces until its time slice is used up and continues in a later task, so two long articles
 * never block input for the whole computation.
 */
export function* summariseComparisonInSteps(
  left: Article,
  right: Article,
  comparison: Comparison,
  linksPerStep = 8,
): Generator<void, ComparisonSummary, void> {
  const leftNamed = namedIn(left)
  yield
  const rightNamed = namedIn(right)
  yield
  const leftSummary = sideSummary(left, rightNamed)
  yield
  const rightSummary = sideSummary(right, leftNamed)
  yield
  const links = linksInReadingOrder(left, comparison)
  const L = lookupsOf(left)
  const R = lookupsOf(right)
  const seen = new Set<string>()
  const shared: SharedQuote[] = []
  for (let i = 0; i < links.length; i++) {
    const result = sharedQuoteOf(L, R, links[i]!, seen)
    if (result) shared.push(result)
    if ((i + 1) % linksPerStep === 0 && i + 1 < links.length) yield
  }
  return { left: leftSummary, right: rightSummary, sharedQuotes: shared }
}

export function summariseComparison(
  left: Article,
  right: Article,
  comparison: Comparison,
): ComparisonSummary {
  const steps = summariseComparisonInSteps(left, right, comparison)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
