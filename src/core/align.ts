/**
 * Cross-article alignment: which passages of two articles report the same thing, and how each quotes the
 * same people. Pure (no DOM, no Node), so the build, the browser and a Web Worker share it.
 *
 * How: every sentence (plus headline and deck) becomes a bag of features — stemmed content words folded
 * through a synonym table, names (a multi-word name counts as one word), numbers and dates, and the
 * pipeline's entities — weighted by rarity across both articles. An inverted index finds the passage
 * pairs that share anything; each is scored by cosine similarity, raised for how much it shares and
 * judged against a bar that is lower when the two articles as a whole are about the same event. Shared
 * quotations come from the pipeline's quotes (word runs, fragments inside full quotes); a paraphrase is a
 * similar pair where the same person makes a statement on both sides (quoted, or reported with a speech
 * verb). Each passage keeps its best few counterparts.
 */
import { matchPeople, type People } from './align-people'
import { quoteWords, sharedQuotes, type QuoteMatch, type QuoteWords } from './align-quotes'
import { passageFeatures, type Feature, type PassageFeatures } from './align-terms'
import { articleBlocks, articleUnits, unitAt, unitsByBlock, type Block, type Unit } from './align-units'
import { stem } from './stem'
import {
  SCHEMA_VERSION,
  type Article,
  type Comparison,
  type Link,
  type LinkEvidence,
  type LinkKind,
  type Span,
} from './schema'

/** What the alignment returns: a comparison whose every link carries its evidence. */
export type AlignedLink = Link & { evidence: LinkEvidence }
export type AlignedComparison = Omit<Comparison, 'links'> & { links: AlignedLink[] }

/**
 * Tuned on the fixture pairs in test/fixtures/pairs (several events, two outlets each, plus unrelated
 * pairs that must stay almost unlinked).
 *
 * A passage pair's evidence is the cosine similarity of its rarity-weighted features, raised when the
 * pair shares many whole words' worth ("strength"). Two articles about the same event share names and
 * figures throughout, so the bar drops as the articles' overall similarity rises: a shared "raise" and
 * "3%" mean the same fact in two reports of one rate decision, and nothing in a budget story set
 * against a stock report.
 */
export const THRESHOLDS = {
  /** Evidence needed for a same-fact link between unrelated articles, and between related ones. */
  factUnrelated: 0.35,
  factRelated: 0.16,
  /** Article similarity below which articles count as unrelated, and above which as fully related. */
  articleUnrelated: 0.1,
  articleRelated: 0.25,
  /**
   * How much in common, in whole rare words: at least this much in all, and this much that is not a
   * name, so "North Korean leader Kim Jong Un" and a "meeting" in two different sentences of a story
   * about a summit do not make a link.
   */
  minStrength: 1.2,
  /**
   * Two short passages that say nothing but the same one thing ("No one was injured." / "Nobody has been
   * hurt."): nearly all of each is shared, so less in common is enough.
   */
  shortStrength: 0.75,
  shortSimilarity: 0.95,
  minContent: 0.8,
  /** Headline or deck against headline or deck: this share of the usual bar. */
  summaryPair: 0.8,
  /**
   * The same person's statement on both sides asks a little less of the wording (a quote and its
   * report share fewer words than two reports of a fact), and scores a little higher for the speaker.
   */
  paraphraseSlack: 0.03,
  paraphraseBonus: 0.08,
  paraphraseStrength: 1.2,
  paraphraseContent: 1.5,
  /**
   * Keep a passage's counterparts within this share of its best, and at most this many. Headlines and
   * decks sum up several passages, so links to them are kept whenever they clear the bar (up to the limit).
   */
  relativeToBest: 0.3,
  /** ...or when at least this share of what it shares is not shared with a better counterpart. */
  novelty: 0.5,
  maxPerUnit: 3,
}

/** What alignment needs to know about people: who a set of name words names, and each person's name. */
export type PeopleIndex = Pick<People, 'named' | 'clusters'>

export const MIN_STRENGTH = Math.min(
  THRESHOLDS.minStrength,
  THRESHOLDS.paraphraseStrength,
  THRESHOLDS.shortStrength,
)

export type Side = {
  article: Article
  blocks: Block[]
  units: Unit[]
  byBlock: Map<string, Unit[]>
  features: PassageFeatures[]
  quotes: QuoteWords[]
  /** Quotes overlapping each unit. */
  unitQuotes: QuoteWords[][]
  /** People who make a statement in each unit (quoted, or reported with a speech verb). */
  statements: Set<number>[]
  /** Cross-article entity keys in each unit -> entity name. */
  entities: Map<string, string>[]
  speakers: Map<string, number>
}

function entityKey(name: string, type: string, people: PeopleIndex): string {
  if (type === 'person') {
    const id = people.named(new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u))).at(-1)
    if (id !== undefined) return `@p${id}`
  }
  return `@${name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')}`
}

export function buildSide(article: Article, speakers: Map<string, number>, people: PeopleIndex): Side {
  const blocks = articleBlocks(article)
  const units = articleUnits(article, blocks)
  const features = units.map((u) => passageFeatures(u.text))
  const quotes = quoteWords(article.quotes, blocks)
  const unitQuotes = units.map(() => [] as QuoteWords[])
  const statements = units.map(() => new Set<number>())
  const entities = units.map(() => new Map<string, string>())
  const byBlock = unitsByBlock(units)
  const overlapping = (span: Span) =>
    (byBlock.get(span.paragraphId) ?? []).filter((u) => span.start < u.span.end && span.end > u.span.start)
  for (const q of quotes) {
    for (const u of overlapping(q.quote)) {
      unitQuotes[u.index]!.push(q)
      const who = q.quote.speakerId === null ? undefined : speakers.get(q.quote.speakerId)
      if (who !== undefined) statements[u.index]!.add(who)
    }
  }
  for (const u of units) {
    const f = features[u.index]!
    for (const words of f.speakers)
      for (const id of people.named(new Set(words))) statements[u.index]!.add(id)
  }
  for (const e of article.entities) {
    const key = entityKey(e.name, e.type, people)
    for (const m of e.mentions) {
      for (const u of overlapping(m)) {
        entities[u.index]!.set(key, e.name)
        // The pipeline's canonical entity catches what words miss ("the U.S." and "America"), at half a word.
        if (!f(u).has(key)) f(u).set(key, { key, surface: e.name, factor: 0.5, name: true })
      }
    }
  }
  function f(u: Unit): Map<string, Feature> {
    return features[u.index]!.features
  }
  return { article, blocks, units, byBlock, features, quotes, unitQuotes, statements, entities, speakers }
}

/** For tuning and tests: every passage pair that shares a feature, with the figures the decision used. */
export type PairTrace = {
  left: Span
  right: Span
  /** 0 for articles about different events, 1 for clearly the same event. */
  related: number
  similarity: number
  strength: number
  content: number
  shared: string[]
}

export type AlignOptions = { trace?: (pair: PairTrace) => void }

export type SharedFeature = { key: string; left: Feature; right: Feature; weight: number }

export type Candidate = {
  left: Unit
  right: Unit
  kind: LinkKind
  score: number
  /** Word-based similarity, used to rank a passage's counterparts. */
  similarity: number
  /** What the two passages share: null until first asked (see `sharedOf`). */
  shared: SharedFeature[] | null
  quote: QuoteMatch | null
  speaker: number | null
}

export function quoteSpeaker(q: QuoteWords, side: Side): number | null {
  return q.quote.speakerId === null ? null : (side.speakers.get(q.quote.speakerId) ?? null)
}

/** A passage's features over the key space both articles share. */
export type Vector = {
  ids: number[]
  factors: number[]
  /** 1 where the feature is not a name (see `Feature.name`). */
  plain: number[]
  weights: number[]
  norm: number
}

/** Both articles' passages as rarity-weighted vectors. */
export type Space = {
  ids: Map<string, number>
  left: Vector[]
  right: Vector[]
  idf: Float64Array
  /** 1 for a feature found once on each side, less for features many passages share. */
  rarity: Float64Array
}

// Feature keys become small integers so scoring runs over plain number arrays (many small typed arrays
// cost more to allocate than they save).
export function encode(features: readonly PassageFeatures[], ids: Map<string, number>): Vector[] {
  return features.map((f) => {
    const keys: number[] = []
    const factors: number[] = []
    const plain: number[] = []
    for (const feature of f.features.values()) {
      let id = ids.get(feature.key)
      if (id === undefined) {
        id = ids.size
        ids.set(feature.key, id)
      }
      keys.push(id)
      factors.push(feature.factor)
      plain.push(feature.name ? 0 : 1)
    }
    return { ids: keys, factors, plain, weights: [], norm: 0 }
  })
}

function vectorSpace(L: Side, R: Side): Space {
  const ids = new Map<string, number>()
  const left = encode(L.features, ids)
  const right = encode(R.features, ids)
  // Rarity over both articles' passages: words the whole story repeats ("Trump", "summit") weigh little.
  const df = new Float64Array(ids.size)
  for (const v of left) for (const id of v.ids) df[id]! += 1
  for (const v of right) for (const id of v.ids) df[id]! += 1
  const n = L.units.length + R.units.length
  const idf = df.map((d) => Math.log(1 + n / Math.max(1, d)))
  const rarity = idf.map((x) => Math.min(1, x / Math.log(1 + n / 2)))
  for (const v of [...left, ...right]) {
    let sum = 0
    for (let k = 0; k < v.ids.length; k++) {
      const w = idf[v.ids[k]!]! * v.factors[k]!
      v.weights.push(w)
      sum += w * w
    }
    v.norm = Math.sqrt(sum)
  }
  return { ids, left, right, idf, rarity }
}

export function featureWeight(space: Space, f: Feature): number {
  return (space.idf[space.ids.get(f.key) ?? -1] ?? 0) * f.factor
}

export type Scoring = {
  L: Side
  R: Side
  space: Space
  /** How clearly the two articles report the same event, 0..1. */
  related: number
  /** Evidence a pair needs for a same-fact link. */
  factBar: number
  trace: AlignOptions['trace']
}

type Decision = { kind: LinkKind; score: number; speaker: number | null }

export function decide(
  s: Scoring,
  lu: Unit,
  ru: Unit,
  similarity: number,
  strength: number,
  plainContent: number,
  namedContent: number,
): Decision | null {
  // Two headlines (or decks) about one event nearly always state its core fact, tersely, and mostly
  // in names ("Diallo defeats Halvorsen"); elsewhere names and places alone never make a link.
  const summaries = isSummary(lu) && isSummary(ru)
  const bar = summaries ? s.factBar * THRESHOLDS.summaryPair : s.factBar
  const content = summaries ? plainContent + namedContent : plainContent
  const evidence = Math.min(1, similarity * Math.min(1.5, 0.5 + strength / 4))
  if (
    evidence >= bar - THRESHOLDS.paraphraseSlack &&
    strength >= THRESHOLDS.paraphraseStrength &&
    content >= THRESHOLDS.paraphraseContent
  ) {
    const rs = s.R.statements[ru.index]!
    for (const speaker of s.L.statements[lu.index]!) {
      if (rs.has(speaker)) {
        return { kind: 'paraphrase', score: Math.min(1, evidence + THRESHOLDS.paraphraseBonus), speaker }
      }
    }
  }
  const enough =
    strength >= THRESHOLDS.minStrength ||
    (strength >= THRESHOLDS.shortStrength && similarity >= THRESHOLDS.shortSimilarity)
  if (evidence >= bar && enough && content >= THRESHOLDS.minContent) {
    return { kind: 'same-fact', score: evidence, speaker: null }
  }
  return null
}

export function pairKey(l: number, r: number): string {
  return `${l}:${r}`
}

/** Scores every passage pair that shares a feature (found through an inverted index) and keeps those
 * that clear the bar. */
function scorePairs(s: Scoring): Map<string, Candidate> {
  const { L, R, space } = s
  const rarity = space.rarity
  // Inverted index over the right side.
  const postUnits: number[][] = []
  const postFactors: number[][] = []
  const postWeights: number[][] = []
  const postPlain: number[][] = []
  space.right.forEach((v, unit) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!
      ;(postUnits[id] ??= []).push(unit)
      ;(postFactors[id] ??= []).push(v.factors[k]!)
      ;(postPlain[id] ??= []).push(v.plain[k]!)
      ;(postWeights[id] ??= []).push(v.weights[k]!)
    }
  })
  const isEntity = new Uint8Array(space.ids.size)
  for (const [key, id] of space.ids) if (key.startsWith('@')) isEntity[id] = 1

  const candidates = new Map<string, Candidate>()
  const dot = new Float64Array(R.units.length)
  const strength = new Float64Array(R.units.length)
  const content = new Float64Array(R.units.length)
  const named = new Float64Array(R.units.length)
  const touched = new Uint8Array(R.units.length)
  const reached: number[] = []
  for (const lu of L.units) {
    const lv = space.left[lu.index]!
    for (let k = 0; k < lv.ids.length; k++) {
      const id = lv.ids[k]!
      const units = postUnits[id]
      if (!units) continue
      const factors = postFactors[id]!
      const weights = postWeights[id]!
      const plain = postPlain[id]!
      const pl = lv.plain[k]!
      const wl = lv.weights[k]!
      const fl = lv.factors[k]!
      const r0 = rarity[id]!
      const entity = isEntity[id] === 1
      for (let p = 0; p < units.length; p++) {
        const r = units[p]!
        if (touched[r] === 0) {
          touched[r] = 1
          reached.push(r)
        }
        dot[r]! += wl * weights[p]!
        // Whole words' worth shared: parts of a name, small numbers and generic words count for less, and
        // so do words the whole story repeats. Content: what the passages say rather than whom they name.
        const factor = Math.min(fl, factors[p]!)
        strength[r]! += factor * r0
        if (factor >= 1 && !entity) {
          if (pl === 1 && plain[p] === 1) content[r]! += r0
          else named[r]! += r0
        }
      }
    }
    // `reached` is in a fixed order (the order features were met), and every later step sorts what it
    // keeps, so the result does not depend on it.
    for (const ri of reached) {
      const ru = R.units[ri]!
      const denominator = lv.norm * space.right[ri]!.norm
      const similarity = denominator > 0 ? Math.min(1, dot[ri]! / denominator) : 0
      // Most pairs share a word or two and fail every bar; `decide` is for the rest.
      const decision =
        strength[ri]! >= MIN_STRENGTH
          ? decide(s, lu, ru, similarity, strength[ri]!, content[ri]!, named[ri]!)
          : null
      if (s.trace) {
        s.trace({
          left: lu.span,
          right: ru.span,
          related: s.related,
          similarity,
          strength: strength[ri]!,
          content: content[ri]!,
          shared: sharedFeatures(L.features[lu.index]!, R.features[ri]!, space).map((x) => x.key),
        })
      }
      touched[ri] = 0
      dot[ri] = 0
      strength[ri] = 0
      content[ri] = 0
      named[ri] = 0
      if (decision) {
        candidates.set(pairKey(lu.index, ri), {
          left: lu,
          right: ru,
          kind: decision.kind,
          score: decision.score,
          similarity: decision.score,
          speaker: decision.speaker,
          quote: null,
          shared: null,
        })
      }
    }
    reached.length = 0
  }
  return candidates
}

/**
 * Shared quotations: the passages holding the shared words on each side are the same quote, whatever
 * their other words say.
 */
export function addSharedQuotes(
  candidates: Map<string, Candidate>,
  L: Side,
  R: Side,
  matches: readonly QuoteMatch[] = sharedQuotes(L.quotes, R.quotes),
): void {
  for (const m of matches) {
    const lw = m.left.words[m.leftAt]!
    const rw = m.right.words[m.rightAt]!
    const lu = unitAt(L.byBlock, m.left.quote.paragraphId, lw.start)
    const ru = unitAt(R.byBlock, m.right.quote.paragraphId, rw.start)
    if (!lu || !ru) continue
    const key = pairKey(lu.index, ru.index)
    const prior = candidates.get(key)
    if (prior?.quote && prior.quote.length >= m.length) continue
    const ls = quoteSpeaker(m.left, L)
    const rs = quoteSpeaker(m.right, R)
    const agree = ls !== null && ls === rs
    const score = Math.min(1, 0.7 + 0.2 * Math.min(1, m.length / 6) + (agree ? 0.1 : 0))
    // Same property order as in `scorePairs`, so every candidate has one shape.
    candidates.set(key, {
      left: lu,
      right: ru,
      kind: 'same-quote',
      score: Math.max(score, prior?.score ?? 0),
      similarity: prior?.similarity ?? 0,
      speaker: agree ? ls : null,
      quote: m,
      shared: prior?.shared ?? null,
    })
  }
}

/** What the two passages of a candidate share (worked out once, when first asked). */
export function sharedOf(c: Candidate, L: Side, R: Side, space: Space): SharedFeature[] {
  c.shared ??= sharedFeatures(L.features[c.left.index]!, R.features[c.right.index]!, space)
  return c.shared
}

/**
 * Links every passage (headline, deck, each sentence) of `left` to its counterparts in `right`: the
 * same quotation, the same statement in other words, or the same fact. Passages without a counterpart
 * are listed in `onlyLeft` / `onlyRight`. Deterministic: link ids run l1, l2, ... in left reading order.
 */
export function alignArticles(left: Article, right: Article, options: AlignOptions = {}): AlignedComparison {
  const people = matchPeople(left, right)
  const L = buildSide(left, people.leftSpeakers, people)
  const R = buildSide(right, people.rightSpeakers, people)
  const space = vectorSpace(L, R)
  const related = clamp01(
    (articleSimilarity(L.features, R.features, space) - THRESHOLDS.articleUnrelated) /
      (THRESHOLDS.articleRelated - THRESHOLDS.articleUnrelated),
  )
  const factBar = THRESHOLDS.factUnrelated - (THRESHOLDS.factUnrelated - THRESHOLDS.factRelated) * related
  const candidates = scorePairs({ L, R, space, related, factBar, trace: options.trace })

  const all = [...candidates.values()]
  const keptLeft = keptCounterparts(all, true, L, R, space)
  const keptRight = keptCounterparts(all, false, L, R, space)
  for (const [key, c] of candidates) if (!keptLeft.has(c) || !keptRight.has(c)) candidates.delete(key)
  addSharedQuotes(candidates, L, R)

  const links: AlignedComparison['links'] = [...candidates.values()]
    .sort((a, b) => a.left.index - b.left.index || a.right.index - b.right.index)
    .map((c, i) => ({
      id: `l${i + 1}`,
      left: c.left.span,
      right: c.right.span,
      kind: c.kind,
      score: Math.round(c.score * 1000) / 1000,
      ...quoteIds(c),
      evidence: evidence(c, L, R, people, space),
    }))
  const linkedLeft = new Set(links.map((l) => spanKey(l.left)))
  const linkedRight = new Set(links.map((l) => spanKey(l.right)))
  return {
    schemaVersion: SCHEMA_VERSION,
    leftId: left.id,
    rightId: right.id,
    links,
    onlyLeft: L.units.filter((u) => !linkedLeft.has(spanKey(u.span))).map((u) => u.span),
    onlyRight: R.units.filter((u) => !linkedRight.has(spanKey(u.span))).map((u) => u.span),
  }
}

/**
 * A passage's best few counterparts: its best, then others close to it or that match a different part
 * of the passage (a long sentence can hold a quote one counterpart repeats and a figure another
 * reports), at most `maxPerUnit`. Headlines and decks sum up several passages, so every counterpart
 * that clears the bar counts as close.
 */
export function keptCounterparts(
  candidates: readonly Candidate[],
  byLeft: boolean,
  L: Side,
  R: Side,
  space: Space,
): Set<Candidate> {
  const byUnit = new Map<Unit, Candidate[]>()
  for (const c of candidates) {
    const own = byLeft ? c.left : c.right
    const list = byUnit.get(own)
    if (list) list.push(c)
    else byUnit.set(own, [c])
  }
  const other = (c: Candidate) => (byLeft ? c.right.index : c.left.index)
  const kept = new Set<Candidate>()
  for (const list of byUnit.values()) {
    list.sort((a, b) => b.similarity - a.similarity || other(a) - other(b))
    const best = list[0]!.similarity
    const covered = new Set<string>()
    for (let rank = 0; rank < list.length && rank < THRESHOLDS.maxPerUnit; rank++) {
      const c = list[rank]!
      const close =
        isSummary(c.left) || isSummary(c.right) || c.similarity >= best * THRESHOLDS.relativeToBest
      const shared = sharedOf(c, L, R, space)
      if (!close) {
        let total = 0
        let fresh = 0
        for (const x of shared) {
          const w = featureWeight(space, x.left)
          total += w
          if (!covered.has(x.key)) fresh += w
        }
        if (fresh >= total * THRESHOLDS.novelty) kept.add(c)
      } else kept.add(c)
      for (const x of shared) covered.add(x.key)
    }
  }
  return kept
}

export function isSummary(unit: Unit): boolean {
  return unit.span.paragraphId === 'headline' || unit.span.paragraphId === 'deck'
}

export function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x))
}

/** Cosine similarity of the two articles' whole vocabularies: near 0 for different events. */
function articleSimilarity(
  left: readonly PassageFeatures[],
  right: readonly PassageFeatures[],
  space: Space,
): number {
  const vector = (side: readonly PassageFeatures[]) => {
    const v = new Map<string, number>()
    for (const f of side) {
      for (const x of f.features.values()) v.set(x.key, Math.max(v.get(x.key) ?? 0, featureWeight(space, x)))
    }
    return v
  }
  const l = vector(left)
  const r = vector(right)
  let dot = 0
  for (const [key, w] of l) dot += w * (r.get(key) ?? 0)
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0))
  const d = norm(l) * norm(r)
  return d > 0 ? dot / d : 0
}

export function spanKey(s: Span): string {
  return `${s.paragraphId}:${s.start}:${s.end}`
}

export function quoteIds(c: Candidate): { leftQuoteId?: string; rightQuoteId?: string } {
  return c.quote ? { leftQuoteId: c.quote.left.quote.id, rightQuoteId: c.quote.right.quote.id } : {}
}

export function sharedFeatures(lf: PassageFeatures, rf: PassageFeatures, space: Space): SharedFeature[] {
  const out: SharedFeature[] = []
  for (const [key, left] of lf.features) {
    const right = rf.features.get(key)
    if (right)
      out.push({ key, left, right, weight: featureWeight(space, left) * featureWeight(space, right) })
  }
  return out
}

function termLabel(left: Feature, right: Feature): string {
  const a = left.surface.toLowerCase()
  const b = right.surface.toLowerCase()
  if (a === b || a.split(' ').map(stem).join(' ') === b.split(' ').map(stem).join(' ')) return left.surface
  return `${left.surface} ≈ ${right.surface}`
}

function listed(items: readonly string[], max = 6): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ')
}

export function evidence(c: Candidate, L: Side, R: Side, people: PeopleIndex, space: Space): LinkEvidence {
  // Most telling first, for readers.
  const shared = [...sharedOf(c, L, R, space)].sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1))
  const words = shared.filter((s) => !s.key.startsWith('#') && !s.key.startsWith('@'))
  const sharedTerms = words.map((s) => termLabel(s.left, s.right))
  const sharedNumbers = shared.filter((s) => s.key.startsWith('#')).map((s) => s.left.surface)
  const le = L.entities[c.left.index]!
  const re = R.entities[c.right.index]!
  const sharedEntities = [...le.keys()].filter((k) => re.has(k)).map((k) => le.get(k)!)
  const who = c.speaker === null ? null : (people.clusters[c.speaker]?.name ?? null)
  const parts: string[] = []
  let quoteOverlap: string | null = null
  if (c.kind === 'same-quote' && c.quote) {
    const m = c.quote
    quoteOverlap = m.left.words
      .slice(m.leftAt, m.leftAt + m.length)
      .map((w) => w.raw)
      .join(' ')
    const ls = quoteSpeaker(m.left, L)
    const rs = quoteSpeaker(m.right, R)
    if (who) parts.push(`Both quote ${who}: “${quoteOverlap}”`)
    else if (ls !== null && rs !== null)
      parts.push(
        `Both quote “${quoteOverlap}”, attributed to ${people.clusters[ls]!.name} on the left and ${people.clusters[rs]!.name} on the right`,
      )
    else parts.push(`Both quote the words “${quoteOverlap}”`)
  } else if (c.kind === 'paraphrase' && who) {
    const quotedLeft = L.unitQuotes[c.left.index]!.some((q) => quoteSpeaker(q, L) === c.speaker)
    const quotedRight = R.unitQuotes[c.right.index]!.some((q) => quoteSpeaker(q, R) === c.speaker)
    const how =
      quotedLeft && !quotedRight
        ? 'quoted on the left, reported on the right'
        : quotedRight && !quotedLeft
          ? 'reported on the left, quoted on the right'
          : quotedLeft
            ? 'quoted in different words on each side'
            : 'reported on both sides'
    parts.push(`The same statement by ${who}, ${how}`)
  }
  if (sharedTerms.length > 0) {
    parts.push(
      `Share ${sharedTerms.length} content word${sharedTerms.length === 1 ? '' : 's'}: ${listed(sharedTerms)}`,
    )
  }
  if (sharedNumbers.length > 0) parts.push(`Same figures or dates: ${listed(sharedNumbers)}`)
  if (sharedEntities.length > 0) parts.push(`Both name ${listed(sharedEntities)}`)
  return {
    sharedTerms,
    sharedEntities,
    sharedNumbers,
    quoteOverlap,
    note: `${parts.join('. ')}.`,
  }
}
