/**
 * How two renderings of the same quotation differ, word by word: verbatim, trimmed (words left out) or
 * paraphrased. Pure. Kept apart from the aligner so the comparison view's summary can use it without
 * loading the alignment code and its lexicons (which run in a Web Worker or at build time).
 */
import { wordTokens, type WordToken } from './align-words'

export type WordingOp = { type: 'same' | 'added' | 'removed'; text: string }
export type QuoteFidelity = 'verbatim' | 'trimmed' | 'paraphrased'

/**
 * Word-level difference between two renderings of a quote, `a` (usually the left article's) and `b`.
 * Case, punctuation and curly marks are ignored. `removed` words are in `a` only, `added` words in `b` only;
 * `same` and `removed` ops carry `a`'s wording, `added` ops `b`'s.
 *
 * - `verbatim`: the same words in the same order;
 * - `trimmed`: one is the other with words left out — a fragment or an elided version (at most a few cuts,
 *   so a handful of common words scattered through a long sentence does not count);
 * - `paraphrased`: anything else.
 *
 * `sameWords` counts the words both share (the words of the `same` ops).
 */
export function compareQuoteWording(
  a: string,
  b: string,
): { fidelity: QuoteFidelity; ops: WordingOp[]; sameWords: number } {
  const wa = wordTokens(a)
  const wb = wordTokens(b)
  const ops = diffWords(wa, wb)
  const same = ops.reduce((n, op) => (op.type === 'same' ? n + op.count : n), 0)
  const shorter = Math.min(wa.length, wb.length)
  const merged = ops.map(({ type, words }) => ({ type, text: words.join(' ') }))
  if (wa.length === wb.length && same === wa.length)
    return { fidelity: 'verbatim', ops: merged, sameWords: same }
  const runs = ops.filter((op) => op.type === 'same').length
  // One side keeps every word of the other, in order, with only a few cuts: that is trimming, and the
  // `removed`/`added` ops are exactly the words left out.
  const trimmed = shorter > 0 && same === shorter && runs <= 1 + Math.floor(shorter / 3)
  return { fidelity: trimmed ? 'trimmed' : 'paraphrased', ops: merged, sameWords: same }
}

type RawOp = { type: WordingOp['type']; words: string[]; count: number }

/** Longest common subsequence over normalised words, walked forwards so equal words pair up early. */
function diffWords(a: readonly WordToken[], b: readonly WordToken[]): RawOp[] {
  const n = a.length
  const m = b.length
  const w = m + 1
  // suffix[i*w+j] = LCS length of a[i..] and b[j..]
  const suffix = new Uint32Array((n + 1) * w)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      suffix[i * w + j] =
        a[i]!.norm === b[j]!.norm
          ? suffix[(i + 1) * w + j + 1]! + 1
          : Math.max(suffix[(i + 1) * w + j]!, suffix[i * w + j + 1]!)
    }
  }
  const ops: RawOp[] = []
  const push = (type: RawOp['type'], word: string) => {
    const last = ops[ops.length - 1]
    if (last && last.type === type) {
      last.words.push(word)
      last.count += 1
    } else ops.push({ type, words: [word], count: 1 })
  }
  let i = 0
  let j = 0
  const removed: string[] = []
  const added: string[] = []
  // Within one changed stretch, list what `a` lost before what `b` gained, so the view reads naturally.
  const flush = () => {
    for (const word of removed) push('removed', word)
    for (const word of added) push('added', word)
    removed.length = 0
    added.length = 0
  }
  while (i < n || j < m) {
    if (
      i < n &&
      j < m &&
      a[i]!.norm === b[j]!.norm &&
      suffix[i * w + j] === suffix[(i + 1) * w + j + 1]! + 1
    ) {
      flush()
      push('same', a[i]!.raw)
      i += 1
      j += 1
    } else if (j >= m || (i < n && suffix[(i + 1) * w + j]! >= suffix[i * w + j + 1]!)) {
      removed.push(a[i]!.raw)
      i += 1
    } else {
      added.push(b[j]!.raw)
      j += 1
    }
  }
  flush()
  return ops
}
