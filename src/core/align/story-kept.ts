/**
 * Each passage's best few counterparts in another article of a story: the rule of `keptCounterparts` in
 * the pair aligner (its best, others close to it or that match a different part of it, at most
 * `maxPerUnit`), over the story's integer feature ids and plain arrays of what scoring found. The same
 * sums in the same order, so the same choice; a `Candidate` is made only for the passage pairs kept (about
 * half of those found on the 10 × 100-paragraph bench story), and what two passages share is worked out
 * only for the links a reader opens.
 */
import { isSummary, pairKey, THRESHOLDS, type Candidate, type Side, type Vector } from '../align'
import type { LinkKind } from '../schema'

/** What scoring found between two articles, in the order found: one entry per passage pair. */
export type Found = {
  left: number[]
  right: number[]
  kind: LinkKind[]
  score: number[]
  speaker: (number | null)[]
}

export function emptyFound(): Found {
  return { left: [], right: [], kind: [], score: [], speaker: [] }
}

/** The passage pairs of `found` among both ends' best few, as candidates keyed by `pairKey`, in found order. */
export function keepBestCounterparts(
  found: Found,
  L: Side,
  R: Side,
  left: readonly Vector[],
  right: readonly Vector[],
  featureCount: number,
): Map<string, Candidate> {
  const marks = new Uint8Array(featureCount)
  const keptLeft = kept(found, true, L, R, left, right, marks)
  const keptRight = kept(found, false, L, R, left, right, marks)
  const out = new Map<string, Candidate>()
  for (let c = 0; c < found.left.length; c++) {
    if (keptLeft[c] === 0 || keptRight[c] === 0) continue
    const score = found.score[c]!
    out.set(pairKey(found.left[c]!, found.right[c]!), {
      left: L.units[found.left[c]!]!,
      right: R.units[found.right[c]!]!,
      kind: found.kind[c]!,
      score,
      similarity: score,
      speaker: found.speaker[c]!,
      quote: null,
      shared: null,
    })
  }
  return out
}

function kept(
  found: Found,
  byLeft: boolean,
  L: Side,
  R: Side,
  left: readonly Vector[],
  right: readonly Vector[],
  marks: Uint8Array,
): Uint8Array {
  const own = byLeft ? found.left : found.right
  const other = byLeft ? found.right : found.left
  const byUnit = new Map<number, number[]>()
  for (let c = 0; c < own.length; c++) {
    const list = byUnit.get(own[c]!)
    if (list) list.push(c)
    else byUnit.set(own[c]!, [c])
  }
  const similarity = found.score
  const out = new Uint8Array(own.length)
  // `covered[id] === stamp`: a better counterpart of this passage already shares feature id.
  const covered = new Int32Array(marks.length)
  let stamp = 0
  for (const list of byUnit.values()) {
    list.sort((a, b) => similarity[b]! - similarity[a]! || other[a]! - other[b]!)
    const best = similarity[list[0]!]!
    stamp += 1
    for (let rank = 0; rank < list.length && rank < THRESHOLDS.maxPerUnit; rank++) {
      const c = list[rank]!
      const lv = left[found.left[c]!]!
      const rv = right[found.right[c]!]!
      for (const id of rv.ids) marks[id] = 1
      const close =
        isSummary(L.units[found.left[c]!]!) ||
        isSummary(R.units[found.right[c]!]!) ||
        similarity[c]! >= best * THRESHOLDS.relativeToBest
      let total = 0
      let fresh = 0
      // In the left passage's feature order, weighted by its side, as `sharedFeatures` lists them.
      for (let n = 0; n < lv.ids.length; n++) {
        const id = lv.ids[n]!
        if (marks[id] === 0) continue
        const w = lv.weights[n]!
        total += w
        if (covered[id] !== stamp) fresh += w
      }
      if (close || fresh >= total * THRESHOLDS.novelty) out[c] = 1
      for (let n = 0; n < lv.ids.length; n++) if (marks[lv.ids[n]!] === 1) covered[lv.ids[n]!] = stamp
      for (const id of rv.ids) marks[id] = 0
    }
  }
  return out
}
