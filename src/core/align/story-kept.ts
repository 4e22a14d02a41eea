/**
 * Each passage's best few counterparts in another article of a story: the rule of `keptCounterparts` in
 * the pair aligner (its best, others close to it or that match a different part of it, at most
 * `maxPerUnit`), over the story's integer feature ids instead of feature maps. The same sums in the same
 * order, so the same choice; on the 10 × 100-paragraph bench story it takes a fifth of the time, and leaves
 * what two passages share to be worked out only for the links a reader opens.
 */
import { isSummary, THRESHOLDS, type Candidate, type Vector } from '../align'

/** Drops from `pair` (candidates between articles L and R) those that are not among both ends' best few. */
export function keepBestCounterparts(
  pair: Map<string, Candidate>,
  left: readonly Vector[],
  right: readonly Vector[],
  featureCount: number,
): void {
  const all = [...pair.values()]
  const marks = new Uint8Array(featureCount)
  const keptLeft = kept(all, true, left, right, marks, new Int32Array(featureCount))
  const keptRight = kept(all, false, left, right, marks, new Int32Array(featureCount))
  for (const [key, c] of pair) if (!keptLeft.has(c) || !keptRight.has(c)) pair.delete(key)
}

function kept(
  candidates: readonly Candidate[],
  byLeft: boolean,
  left: readonly Vector[],
  right: readonly Vector[],
  marks: Uint8Array,
  covered: Int32Array,
): Set<Candidate> {
  const byUnit = new Map<number, Candidate[]>()
  for (const c of candidates) {
    const own = byLeft ? c.left.index : c.right.index
    const list = byUnit.get(own)
    if (list) list.push(c)
    else byUnit.set(own, [c])
  }
  const other = (c: Candidate) => (byLeft ? c.right.index : c.left.index)
  const out = new Set<Candidate>()
  // `covered[id] === stamp`: a better counterpart of this passage already shares feature id.
  let stamp = 0
  for (const list of byUnit.values()) {
    list.sort((a, b) => b.similarity - a.similarity || other(a) - other(b))
    const best = list[0]!.similarity
    stamp += 1
    for (let rank = 0; rank < list.length && rank < THRESHOLDS.maxPerUnit; rank++) {
      const c = list[rank]!
      const lv = left[c.left.index]!
      const rv = right[c.right.index]!
      for (const id of rv.ids) marks[id] = 1
      const close =
        isSummary(c.left) || isSummary(c.right) || c.similarity >= best * THRESHOLDS.relativeToBest
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
      if (close || fresh >= total * THRESHOLDS.novelty) out.add(c)
      for (let n = 0; n < lv.ids.length; n++) if (marks[lv.ids[n]!] === 1) covered[lv.ids[n]!] = stamp
      for (const id of rv.ids) marks[id] = 0
    }
  }
  return out
}
