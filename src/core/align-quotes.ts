/**
 * Quotations both articles share: the same words in quote marks on both sides, even when one side quotes
 * only a fragment of what the other quotes in full. Pure.
 */
import { wordTokens, type WordToken } from './align-words'
import type { Block } from './align-units'
import type { Quote } from './schema'

export type QuoteWords = {
  quote: Quote
  /** Normalised words with offsets into the quote's block. */
  words: WordToken[]
}

export type QuoteMatch = {
  left: QuoteWords
  right: QuoteWords
  /** Index of the first shared word in each quote's `words`, and how many words run on together. */
  leftAt: number
  rightAt: number
  length: number
}

// Words that cannot make a shared quote on their own: "it is", "we will".
const FUNCTION_WORDS = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been am i we you he she it they
  me us him her them my our your his its their this that these those will would shall should can could may might
  must do does did not no have has had there here so than then just very all any what which who whom whose when
  where why how don't won't can't isn't it's i'm we're`.split(/\s+/),
)

export function quoteWords(quotes: readonly Quote[], blocks: readonly Block[]): QuoteWords[] {
  const text = new Map(blocks.map((b) => [b.id, b.text]))
  const out: QuoteWords[] = []
  for (const quote of quotes) {
    const block = text.get(quote.paragraphId)
    // Prefer the block's own words so offsets are exact; fall back to the stored text if offsets drifted.
    const slice =
      block !== undefined && quote.end <= block.length ? block.slice(quote.start, quote.end) : null
    const words = wordTokens(slice ?? quote.text, quote.start)
    if (words.length > 0) out.push({ quote, words })
  }
  return out
}

function isContent(w: WordToken): boolean {
  return !FUNCTION_WORDS.has(w.norm) && w.norm.length > 1
}

/**
 * Pairs of quotes that share wording: the shorter is wholly inside the longer (two words or more), or
 * they share a run of four words, or of three covering half the shorter. A one-word quote counts only
 * when both sides quote exactly that word. Runs must hold a content word.
 */
export function sharedQuotes(left: readonly QuoteWords[], right: readonly QuoteWords[]): QuoteMatch[] {
  // Index the right side's quotes by their word pairs so only quotes sharing a pair are compared.
  const pairs = new Map<string, Set<number>>()
  const singles = new Map<string, number[]>()
  right.forEach((q, qi) => {
    if (q.words.length === 1) {
      const list = singles.get(q.words[0]!.norm) ?? []
      list.push(qi)
      singles.set(q.words[0]!.norm, list)
    }
    for (let i = 0; i + 1 < q.words.length; i++) {
      const key = `${q.words[i]!.norm} ${q.words[i + 1]!.norm}`
      const set = pairs.get(key) ?? new Set<number>()
      set.add(qi)
      pairs.set(key, set)
    }
  })

  const matches: QuoteMatch[] = []
  for (const lq of left) {
    if (lq.words.length === 1) {
      const only = lq.words[0]!
      if (!isContent(only) || only.norm.length < 4) continue
      for (const qi of singles.get(only.norm) ?? []) {
        matches.push({ left: lq, right: right[qi]!, leftAt: 0, rightAt: 0, length: 1 })
      }
      continue
    }
    const candidates = new Set<number>()
    for (let i = 0; i + 1 < lq.words.length; i++) {
      for (const qi of pairs.get(`${lq.words[i]!.norm} ${lq.words[i + 1]!.norm}`) ?? []) candidates.add(qi)
    }
    for (const qi of [...candidates].sort((a, b) => a - b)) {
      const rq = right[qi]!
      const run = longestRun(lq.words, rq.words)
      const shorter = Math.min(lq.words.length, rq.words.length)
      const enough =
        (run.length === shorter && run.length >= 2) ||
        run.length >= 4 ||
        (run.length >= 3 && run.length * 2 >= shorter)
      if (!enough) continue
      if (!lq.words.slice(run.leftAt, run.leftAt + run.length).some(isContent)) continue
      matches.push({ left: lq, right: rq, ...run })
    }
  }
  return matches
}

/** Longest common run of words (dynamic programming over two short quotes). */
function longestRun(
  a: readonly WordToken[],
  b: readonly WordToken[],
): { leftAt: number; rightAt: number; length: number } {
  let best = { leftAt: 0, rightAt: 0, length: 0 }
  let prev = new Uint32Array(b.length + 1)
  let cur = new Uint32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1]!.norm === b[j - 1]!.norm ? prev[j - 1]! + 1 : 0
      if (cur[j]! > best.length) best = { leftAt: i - cur[j]!, rightAt: j - cur[j]!, length: cur[j]! }
    }
    ;[prev, cur] = [cur, prev]
    cur.fill(0)
  }
  return best
}
