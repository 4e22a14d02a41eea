/**
 * One alignment per story (issue 19): every passage of every article is scored once against every other
 * article's passages through a single inverted index over the whole story, and the links are grouped into
 * facts — each fact or quote the story's articles share, with at most one passage per article. Any pair's
 * comparison is read off the facts (`storyPair`), so every pair view and the story's fact matrix agree, and
 * a story of n articles costs one pass, not n² pair alignments. Pure.
 */
import { matchStoryPeople } from '../align-people'
import { sharedQuotes, type QuoteWords } from '../align-quotes'
import {
  addSharedQuotes,
  clamp01,
  decide,
  encode,
  evidence,
  keptCounterparts,
  MIN_STRENGTH,
  pairKey,
  quoteIds,
  spanKey,
  THRESHOLDS,
  buildSide,
  type AlignedComparison,
  type Candidate,
  type Scoring,
  type Side,
  type Space,
  type Vector,
} from '../align'
import type { Unit } from '../align-units'
import {
  SCHEMA_VERSION,
  type Article,
  type Comparison,
  type Link,
  type LinkEvidence,
  type Span,
} from '../schema'

/** How an article carries a fact: as the others do word for word, in its own words, or as a quotation. */
export type Carried = 'verbatim' | 'reworded' | 'quoted' | 'quoted-partly' | 'reported'

export type StoryMember = {
  articleId: string
  blockId: string
  span: Span
  carried: Carried
  /** The quotation in this passage that carries a quote fact, if it is quoted here. */
  quoteId?: string
}

export type StoryFact = {
  /** f1, f2, ... in order of first appearance (article order, then reading order). */
  id: string
  /** A quote: the same remark, quoted or reported; a fact: the same event, claim or figure. */
  kind: 'quote' | 'fact'
  /** Who made the remark, for quotes whose speaker is known. */
  speaker: string | null
  members: StoryMember[]
}

/**
 * A link between two members of one fact, in story article order (`leftId` comes first in the story).
 * Without evidence: an aligned story works it out on demand (`AlignedStory.evidence`), since a story of ten
 * long articles has tens of thousands of links and a reader opens one pair at a time.
 */
export type StoryLink = Link & { fact: string; leftId: string; rightId: string }

export type StoryAlignment = {
  articleIds: string[]
  facts: StoryFact[]
  links: StoryLink[]
  /** Each article's passages no other article shares. */
  only: Record<string, Span[]>
}

/** A story just aligned: its data, and why each link was drawn (worked out when first asked). */
export type AlignedStory = StoryAlignment & { evidence: (link: StoryLink) => LinkEvidence }

type Edge = { a: number; b: number; ga: number; gb: number; c: Candidate }

type Fact = { members: Map<number, number>; edges: Edge[] }

/**
 * Aligns every article of a story with every other at once. Articles are identified by their `id`, which
 * must be distinct. Deterministic: the same articles in the same order give the same facts and links.
 */
export function alignStory(articles: readonly Article[]): AlignedStory {
  const people = matchStoryPeople(articles)
  const sides = articles.map((a, i) => buildSide(a, people.speakers[i]!, people))
  const k = sides.length
  const offsets: number[] = []
  let total = 0
  for (const s of sides) {
    offsets.push(total)
    total += s.units.length
  }
  offsets.push(total)
  const { space, vectors } = storySpace(sides, total)

  // How clearly each pair of articles reports the same event, from their whole vocabularies.
  const articleVectors = sides.map((s) => articleVector(s, space))
  const scorings: Scoring[][] = sides.map((L, i) =>
    sides.map((R, j) => {
      const related = clamp01(
        (cosine(articleVectors[i]!, articleVectors[j]!) - THRESHOLDS.articleUnrelated) /
          (THRESHOLDS.articleRelated - THRESHOLDS.articleUnrelated),
      )
      const factBar = THRESHOLDS.factUnrelated - (THRESHOLDS.factUnrelated - THRESHOLDS.factRelated) * related
      return { L, R, space, related, factBar, trace: undefined }
    }),
  )

  const candidates = scoreStory(sides, vectors, offsets, space, scorings)
  // Each passage's best few counterparts in each other article, as in a pair's alignment.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const pair = candidates[i]![j]!
      const all = [...pair.values()]
      const keptLeft = keptCounterparts(all, true, sides[i]!, sides[j]!, space)
      const keptRight = keptCounterparts(all, false, sides[i]!, sides[j]!, space)
      for (const [key, c] of pair) if (!keptLeft.has(c) || !keptRight.has(c)) pair.delete(key)
    }
  }
  addStoryQuotes(sides, candidates)

  const edges: Edge[] = []
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      for (const c of candidates[i]![j]!.values()) {
        edges.push({ a: i, b: j, ga: offsets[i]! + c.left.index, gb: offsets[j]! + c.right.index, c })
      }
    }
  }
  const facts = groupFacts(edges, offsets)
  return describe(articles, sides, facts, offsets, space, people)
}

/** Rarity over all the story's passages: what every outlet repeats ("Kelvane", "strike") weighs little. */
function storySpace(sides: readonly Side[], total: number): { space: Space; vectors: Vector[][] } {
  const ids = new Map<string, number>()
  const vectors = sides.map((s) => encode(s.features, ids))
  const df = new Float64Array(ids.size)
  for (const side of vectors) for (const v of side) for (const id of v.ids) df[id]! += 1
  const idf = df.map((d) => Math.log(1 + total / Math.max(1, d)))
  // A feature found once in every article is as rare as one found once on each side of a pair.
  const once = Math.log(1 + total / Math.max(1, sides.length))
  const rarity = idf.map((x) => Math.min(1, x / once))
  for (const side of vectors) {
    for (const v of side) {
      let sum = 0
      for (let n = 0; n < v.ids.length; n++) {
        const w = idf[v.ids[n]!]! * v.factors[n]!
        v.weights.push(w)
        sum += w * w
      }
      v.norm = Math.sqrt(sum)
    }
  }
  return { space: { ids, left: [], right: [], idf, rarity }, vectors }
}

function articleVector(side: Side, space: Space): Map<string, number> {
  const v = new Map<string, number>()
  for (const f of side.features) {
    for (const x of f.features.values()) {
      const w = (space.idf[space.ids.get(x.key) ?? -1] ?? 0) * x.factor
      if (w > (v.get(x.key) ?? 0)) v.set(x.key, w)
    }
  }
  return v
}

function cosine(l: ReadonlyMap<string, number>, r: ReadonlyMap<string, number>): number {
  let dot = 0
  for (const [key, w] of l) dot += w * (r.get(key) ?? 0)
  const norm = (v: ReadonlyMap<string, number>) => {
    let s = 0
    for (const w of v.values()) s += w * w
    return Math.sqrt(s)
  }
  const d = norm(l) * norm(r)
  return d > 0 ? dot / d : 0
}

/**
 * Every passage pair of two different articles that shares a feature, scored once: the postings of each
 * feature list the story's passages in article order, so a passage meets only later articles' passages.
 */
function scoreStory(
  sides: readonly Side[],
  vectors: readonly Vector[][],
  offsets: readonly number[],
  space: Space,
  scorings: readonly Scoring[][],
): Map<string, Candidate>[][] {
  const k = sides.length
  const total = offsets[k]!
  const sideOf = new Int32Array(total)
  for (let i = 0; i < k; i++) sideOf.fill(i, offsets[i]!, offsets[i + 1]!)
  const n = space.ids.size
  const postUnits: number[][] = Array.from({ length: n }, () => [])
  const postFactors: number[][] = Array.from({ length: n }, () => [])
  const postWeights: number[][] = Array.from({ length: n }, () => [])
  const postPlain: number[][] = Array.from({ length: n }, () => [])
  vectors.forEach((side, i) =>
    side.forEach((v, u) => {
      for (let p = 0; p < v.ids.length; p++) {
        const id = v.ids[p]!
        postUnits[id]!.push(offsets[i]! + u)
        postFactors[id]!.push(v.factors[p]!)
        postWeights[id]!.push(v.weights[p]!)
        postPlain[id]!.push(v.plain[p]!)
      }
    }),
  )
  const isEntity = new Uint8Array(n)
  for (const [key, id] of space.ids) if (key.startsWith('@')) isEntity[id] = 1
  const rarity = space.rarity

  const candidates = sides.map(() => sides.map(() => new Map<string, Candidate>()))
  const dot = new Float64Array(total)
  const strength = new Float64Array(total)
  const content = new Float64Array(total)
  const named = new Float64Array(total)
  const touched = new Uint8Array(total)
  const reached: number[] = []
  for (let i = 0; i < k; i++) {
    const L = sides[i]!
    const later = offsets[i + 1]!
    for (const lu of L.units) {
      const lv = vectors[i]![lu.index]!
      for (let f = 0; f < lv.ids.length; f++) {
        const id = lv.ids[f]!
        const units = postUnits[id]!
        const factors = postFactors[id]!
        const weights = postWeights[id]!
        const plain = postPlain[id]!
        const wl = lv.weights[f]!
        const fl = lv.factors[f]!
        const pl = lv.plain[f]!
        const r0 = rarity[id]!
        const entity = isEntity[id] === 1
        for (let p = firstAtLeast(units, later); p < units.length; p++) {
          const r = units[p]!
          if (touched[r] === 0) {
            touched[r] = 1
            reached.push(r)
          }
          dot[r]! += wl * weights[p]!
          const factor = Math.min(fl, factors[p]!)
          strength[r]! += factor * r0
          if (factor >= 1 && !entity) {
            if (pl === 1 && plain[p] === 1) content[r]! += r0
            else named[r]! += r0
          }
        }
      }
      for (const g of reached) {
        const j = sideOf[g]!
        const R = sides[j]!
        const ri = g - offsets[j]!
        const ru = R.units[ri]!
        const denominator = lv.norm * vectors[j]![ri]!.norm
        const similarity = denominator > 0 ? Math.min(1, dot[g]! / denominator) : 0
        const decision =
          strength[g]! >= MIN_STRENGTH
            ? decide(scorings[i]![j]!, lu, ru, similarity, strength[g]!, content[g]!, named[g]!)
            : null
        touched[g] = 0
        dot[g] = 0
        strength[g] = 0
        content[g] = 0
        named[g] = 0
        if (decision) {
          candidates[i]![j]!.set(pairKey(lu.index, ri), {
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
  }
  return candidates
}

/** Index of the first value ≥ `min` in an ascending list. */
function firstAtLeast(list: readonly number[], min: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < min) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Shared quotations across the story: each article's quotes against every later article's, in one pass per
 * article (matching all quotes against all would also match each quote with itself and each pair twice).
 */
function addStoryQuotes(sides: readonly Side[], candidates: Map<string, Candidate>[][]): void {
  for (let i = 0; i + 1 < sides.length; i++) {
    const later: QuoteWords[] = []
    const sideOf = new Map<QuoteWords, number>()
    for (let j = i + 1; j < sides.length; j++) {
      for (const q of sides[j]!.quotes) {
        later.push(q)
        sideOf.set(q, j)
      }
    }
    const byArticle = new Map<number, ReturnType<typeof sharedQuotes>>()
    for (const m of sharedQuotes(sides[i]!.quotes, later)) {
      const j = sideOf.get(m.right)!
      const list = byArticle.get(j)
      if (list) list.push(m)
      else byArticle.set(j, [m])
    }
    for (const [j, matches] of byArticle) addSharedQuotes(candidates[i]![j]!, sides[i]!, sides[j]!, matches)
  }
}

/**
 * Links into facts, strongest first: a passage joins a fact when it is linked to at least half of the
 * fact's passages and its article is not yet in the fact; otherwise the link starts a fact of its own.
 * A passage may belong to several facts (a sentence can report two).
 */
function groupFacts(edges: Edge[], offsets: readonly number[]): Fact[] {
  edges.sort((x, y) => y.c.score - x.c.score || x.ga - y.ga || x.gb - y.gb)
  const adjacent = new Map<number, Set<number>>()
  const link = (x: number, y: number) => {
    const set = adjacent.get(x)
    if (set) set.add(y)
    else adjacent.set(x, new Set([y]))
  }
  for (const e of edges) {
    link(e.ga, e.gb)
    link(e.gb, e.ga)
  }
  const total = offsets[offsets.length - 1]!
  const articleIndex = new Int32Array(total)
  for (let i = 0; i + 1 < offsets.length; i++) articleIndex.fill(i, offsets[i]!, offsets[i + 1]!)
  const articleOf = (g: number) => articleIndex[g]!
  const facts: Fact[] = []
  const factsOf = new Map<number, Fact[]>()
  const join = (f: Fact, g: number) => {
    f.members.set(articleOf(g), g)
    const list = factsOf.get(g)
    if (list) list.push(f)
    else factsOf.set(g, [f])
  }
  for (const e of edges) {
    const fu = factsOf.get(e.ga) ?? []
    const fv = factsOf.get(e.gb) ?? []
    const together = fu.find((f) => fv.includes(f))
    if (together) {
      together.edges.push(e)
      continue
    }
    let best: { fact: Fact; node: number; support: number; share: number } | null = null
    const consider = (list: readonly Fact[], node: number, article: number) => {
      for (const f of list) {
        if (f.members.has(article)) continue
        let support = 0
        const near = adjacent.get(node)
        for (const m of f.members.values()) if (near?.has(m)) support++
        const share = support / f.members.size
        // Linked to most of the fact (half of a larger one): a passage linked to only one of a fact's two
        // passages starts a fact of its own, so one shared sentence does not chain two facts into one.
        if (share < 0.5 || (share === 0.5 && f.members.size < 4)) continue
        if (!best || share > best.share || (share === best.share && support > best.support))
          best = { fact: f, node, support, share }
      }
    }
    consider(fu, e.gb, e.b)
    consider(fv, e.ga, e.a)
    const chosen = best as { fact: Fact; node: number } | null
    if (chosen) {
      join(chosen.fact, chosen.node)
      chosen.fact.edges.push(e)
    } else {
      const f: Fact = { members: new Map(), edges: [e] }
      join(f, e.ga)
      join(f, e.gb)
      facts.push(f)
    }
  }
  return facts
}

function describe(
  articles: readonly Article[],
  sides: readonly Side[],
  facts: readonly Fact[],
  offsets: readonly number[],
  space: Space,
  people: ReturnType<typeof matchStoryPeople>,
): AlignedStory {
  const unitOf = (i: number, g: number): Unit => sides[i]!.units[g - offsets[i]!]!
  // Each passage's words once, however many facts it is in (a long story has tens of thousands of members).
  const wordsOf: (string | undefined)[] = []
  const words = (i: number, g: number) => (wordsOf[g] ??= normalised(unitOf(i, g).text))
  // First appearance: the earliest article holding the fact, then its reading order.
  const ordered = facts
    .map((f) => {
      let first = Infinity
      for (const g of f.members.values()) if (g < first) first = g
      return { f, first }
    })
    .sort((x, y) => x.first - y.first)
  const outFacts: StoryFact[] = []
  const links: StoryLink[] = []
  // Why each link was drawn, worked out when asked: the two articles and the candidate (null when the link
  // is implied by the fact), by link index; no closure per link.
  const origins = new Map<StoryLink, number>()
  const origin: { i: number; j: number; c: Candidate; direct: boolean }[] = []
  const linked = articles.map(() => new Set<string>())
  ordered.forEach(({ f }, n) => {
    const id = `f${n + 1}`
    const quoteEdges = f.edges.filter((e) => e.c.kind !== 'same-fact')
    const kind: StoryFact['kind'] = quoteEdges.length > 0 ? 'quote' : 'fact'
    const speakerId = quoteEdges.find((e) => e.c.speaker !== null)?.c.speaker ?? null
    const speaker = speakerId === null ? null : (people.clusters[speakerId]?.name ?? null)
    const members = [...f.members].sort((x, y) => x[0] - y[0])
    const storyMembers = members.map(([i, g]) =>
      storyMember(articles, sides, unitOf(i, g), i, kind, speakerId, () =>
        members.some(([other, h]) => other !== i && words(other, h) === words(i, g)),
      ),
    )
    storyMembers.forEach((m, x) => linked[members[x]![0]]!.add(spanKey(m.span)))
    outFacts.push({ id, kind, speaker, members: storyMembers })

    // Every two members are linked: directly where the alignment linked them, else through the fact.
    const direct = new Map<number, Edge>()
    let weakest = Infinity
    for (const e of f.edges) {
      direct.set(e.ga * offsets[offsets.length - 1]! + e.gb, e)
      if (e.c.score < weakest) weakest = e.c.score
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, gi] = members[x]!
        const [j, gj] = members[y]!
        const e = direct.get(gi * offsets[offsets.length - 1]! + gj)
        const left = unitOf(i, gi)
        const right = unitOf(j, gj)
        const quotedBoth =
          storyMembers[x]!.carried.startsWith('quoted') && storyMembers[y]!.carried.startsWith('quoted')
        const c: Candidate = e
          ? e.c
          : {
              left,
              right,
              kind: kind === 'fact' ? 'same-fact' : quotedBoth ? 'same-quote' : 'paraphrase',
              score: weakest,
              similarity: 0,
              speaker: speakerId,
              quote: null,
              shared: null,
            }
        const link: StoryLink = {
          fact: id,
          leftId: articles[i]!.id,
          rightId: articles[j]!.id,
          id: `${id}-${x + 1}-${y + 1}`,
          left: left.span,
          right: right.span,
          kind: c.kind,
          score: Math.round(c.score * 1000) / 1000,
          ...quoteIds(c),
          ...(e || c.kind !== 'same-quote' ? {} : quoteIdsOf(storyMembers[x]!, storyMembers[y]!)),
        }
        links.push(link)
        origins.set(link, origin.length)
        origin.push({ i, j, c, direct: e !== undefined })
      }
    }
  })
  const only: Record<string, Span[]> = {}
  sides.forEach((s, i) => {
    only[articles[i]!.id] = s.units.filter((u) => !linked[i]!.has(spanKey(u.span))).map((u) => u.span)
  })
  const known = new Map<StoryLink, LinkEvidence>()
  const explain = (link: StoryLink): LinkEvidence => {
    let ev = known.get(link)
    if (!ev) {
      const at = origins.get(link)
      if (at === undefined) throw new Error(`link ${link.id} is not one of this story's links`)
      const { i, j, c, direct } = origin[at]!
      ev = evidence(c, sides[i]!, sides[j]!, people, space)
      if (!direct) ev = throughFact(ev)
      known.set(link, ev)
    }
    return ev
  }
  return { articleIds: articles.map((a) => a.id), facts: outFacts, links, only, evidence: explain }
}

/** One article's passage in a fact, and how it carries it. `sameWords`: another member has its exact words. */
function storyMember(
  articles: readonly Article[],
  sides: readonly Side[],
  unit: Unit,
  i: number,
  kind: StoryFact['kind'],
  speakerId: number | null,
  sameWords: () => boolean,
): StoryMember {
  const side = sides[i]!
  const quote =
    kind === 'quote'
      ? side.unitQuotes[unit.index]!.find((q) => {
          const who = q.quote.speakerId === null ? null : side.speakers.get(q.quote.speakerId)
          return speakerId === null || who === speakerId
        })
      : undefined
  const carried: Carried =
    kind === 'quote'
      ? quote
        ? quote.quote.kind === 'partial'
          ? 'quoted-partly'
          : 'quoted'
        : 'reported'
      : sameWords()
        ? 'verbatim'
        : 'reworded'
  return {
    articleId: articles[i]!.id,
    blockId: unit.span.paragraphId,
    span: unit.span,
    carried,
    ...(quote ? { quoteId: quote.quote.id } : {}),
  }
}

function quoteIdsOf(a: StoryMember, b: StoryMember): { leftQuoteId?: string; rightQuoteId?: string } {
  return a.quoteId && b.quoteId ? { leftQuoteId: a.quoteId, rightQuoteId: b.quoteId } : {}
}

/** A link the fact implies (each side is linked to the same passages of other outlets), said as such. */
function throughFact(ev: LinkEvidence): LinkEvidence {
  return { ...ev, note: `Linked through other outlets that carry the same fact. ${ev.note}` }
}

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
}

const MIRROR: Record<string, string> = { left: 'right', right: 'left' }

/**
 * The comparison of two articles of a story, read off its facts: the same links whichever pair view or
 * matrix row shows them. Link ids run l1, l2, ... in the left article's reading order. Without evidence
 * (as bundled comparison files are); `alignedStoryPair` adds it.
 */
export function storyPair(story: StoryAlignment, leftId: string, rightId: string): Comparison {
  return pairOf(story, leftId, rightId, null)
}

/** A pair of a story just aligned, every link with its evidence (as `alignArticles` gives). */
export function alignedStoryPair(story: AlignedStory, leftId: string, rightId: string): AlignedComparison {
  return pairOf(story, leftId, rightId, story.evidence) as AlignedComparison
}

function pairOf(
  story: StoryAlignment,
  leftId: string,
  rightId: string,
  explain: ((link: StoryLink) => LinkEvidence) | null,
): Comparison {
  const flip = story.articleIds.indexOf(leftId) > story.articleIds.indexOf(rightId)
  const chosen = story.links.filter((l) =>
    flip ? l.leftId === rightId && l.rightId === leftId : l.leftId === leftId && l.rightId === rightId,
  )
  const oriented = chosen.map((l): Omit<Link, 'id'> => {
    const ev = explain ? explain(l) : null
    if (!flip)
      return {
        left: l.left,
        right: l.right,
        kind: l.kind,
        score: l.score,
        ...ids(l),
        ...(ev ? { evidence: ev } : {}),
      }
    return {
      left: l.right,
      right: l.left,
      kind: l.kind,
      score: l.score,
      ...(l.leftQuoteId && l.rightQuoteId
        ? { leftQuoteId: l.rightQuoteId, rightQuoteId: l.leftQuoteId }
        : {}),
      ...(ev
        ? { evidence: { ...ev, note: ev.note.replace(/\b(left|right)\b/g, (w) => MIRROR[w] ?? w) } }
        : {}),
    }
  })
  const leftSpans = new Set<string>()
  const rightSpans = new Set<string>()
  const links: Link[] = oriented
    .sort((a, b) => blockOrder(a.left, b.left) || blockOrder(a.right, b.right))
    .map((l, n) => {
      leftSpans.add(spanKey(l.left))
      rightSpans.add(spanKey(l.right))
      return { id: `l${n + 1}`, ...l }
    })
  return {
    schemaVersion: SCHEMA_VERSION,
    leftId,
    rightId,
    links,
    onlyLeft: pairOnly(story, leftId, leftSpans),
    onlyRight: pairOnly(story, rightId, rightSpans),
  }
}

function ids(l: StoryLink): { leftQuoteId?: string; rightQuoteId?: string } {
  return l.leftQuoteId && l.rightQuoteId ? { leftQuoteId: l.leftQuoteId, rightQuoteId: l.rightQuoteId } : {}
}

/** An article's passages without a link in this pair: its story-wide lone passages and those linked elsewhere. */
function pairOnly(story: StoryAlignment, id: string, linked: ReadonlySet<string>): Span[] {
  const spans = new Map<string, Span>()
  for (const s of story.only[id] ?? []) spans.set(spanKey(s), s)
  for (const f of story.facts) {
    for (const m of f.members)
      if (m.articleId === id && !linked.has(spanKey(m.span))) spans.set(spanKey(m.span), m.span)
  }
  return [...spans.values()].sort(blockOrder)
}

function blockOrder(a: Span, b: Span): number {
  const rank = (id: string) =>
    id === 'headline' ? -2 : id === 'deck' ? -1 : Number(id.replace(/\D/g, '')) || 0
  return rank(a.paragraphId) - rank(b.paragraphId) || a.start - b.start
}
