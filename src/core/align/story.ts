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
  MIN_STRENGTH,
  THRESHOLDS,
  buildSide,
  type Candidate,
  type Scoring,
  type Side,
  type Space,
  type Vector,
} from '../align'
import type { Article } from '../schema'
import { describe } from './story-describe'
import { emptyFound, keepBestCounterparts, type Found } from './story-kept'
import { addFractions, addNegations, isExactFigure, sameFigure } from './story-terms'
import type { AlignedStory, Edge, Fact } from './story-types'

/**
 * Aligns every article of a story with every other at once. Articles are identified by their `id`, which
 * must be distinct. Deterministic: the same articles in the same order give the same facts and links.
 */
export function alignStory(articles: readonly Article[]): AlignedStory {
  const people = matchStoryPeople(articles)
  const sides = articles.map((a, i) => buildSide(a, people.speakers[i]!, people))
  for (const side of sides) {
    for (const u of side.units) {
      addNegations(u.text, side.features[u.index]!)
      addFractions(u.text, side.features[u.index]!)
    }
  }
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

  const found = scoreStory(sides, vectors, offsets, space, scorings)
  const candidates = sides.map(() => sides.map(() => new Map<string, Candidate>()))
  // Each passage's best few counterparts in each other article, as in a pair's alignment.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      candidates[i]![j] = keepBestCounterparts(
        found[i]![j]!,
        sides[i]!,
        sides[j]!,
        vectors[i]!,
        vectors[j]!,
        space.ids.size,
      )
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
): Found[][] {
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
  const isFigure = new Uint8Array(n)
  for (const [key, id] of space.ids) {
    if (key.startsWith('@')) isEntity[id] = 1
    else if (isExactFigure(key)) isFigure[id] = 1
  }
  const rarity = space.rarity

  const found = sides.map(() => sides.map(() => emptyFound()))
  const dot = new Float64Array(total)
  const strength = new Float64Array(total)
  const content = new Float64Array(total)
  const named = new Float64Array(total)
  const figure = new Float64Array(total)
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
            if (isFigure[id] === 1) figure[r]! += r0
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
            ? (decide(scorings[i]![j]!, lu, ru, similarity, strength[g]!, content[g]!, named[g]!) ??
              sameFigure(scorings[i]![j]!, similarity, strength[g]!, figure[g]!))
            : null
        figure[g] = 0
        touched[g] = 0
        dot[g] = 0
        strength[g] = 0
        content[g] = 0
        named[g] = 0
        if (decision) {
          const into = found[i]![j]!
          into.left.push(lu.index)
          into.right.push(ri)
          into.kind.push(decision.kind)
          into.score.push(decision.score)
          into.speaker.push(decision.speaker)
        }
      }
      reached.length = 0
    }
  }
  return found
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
  const total = offsets[offsets.length - 1]!
  // Linked passage pairs as one number each (lower index first): one set, not a set per passage.
  const adjacent = new Set<number>()
  for (const e of edges) adjacent.add(e.ga * total + e.gb)
  const areLinked = (x: number, y: number) => adjacent.has(x < y ? x * total + y : y * total + x)
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
        for (const m of f.members.values()) if (areLinked(node, m)) support++
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
