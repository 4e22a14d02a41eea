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
  // Index the right side's quotes by their word pairs that hold a content word ("pulling people", not
  // "of the"), so only quotes that share one are compared, and only from where they share it.
  const pairs = new Map<string, { quote: number; at: number }[]>()
  const singles = new Map<string, number[]>()
  right.forEach((q, qi) => {
    if (q.words.length === 1) {
      const list = singles.get(q.words[0]!.norm) ?? []
      list.push(qi)
      singles.set(q.words[0]!.norm, list)
    }
    for (let i = 0; i + 1 < q.words.length; i++) {
      if (!isContent(q.words[i]!) && !isContent(q.words[i + 1]!)) continue
      const key = `${q.words[i]!.norm} ${q.words[i + 1]!.norm}`
      const list = pairs.get(key)
      if (list) list.push({ quote: qi, at: i })
      else pairs.set(key, [{ quote: qi, at: i }])
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
    // The longest run of equal words each right quote shares with this one, grown from each shared pair.
    const best = new Map<number, { leftAt: number; rightAt: number; length: number }>()
    const a = lq.words
    for (let i = 0; i + 1 < a.length; i++) {
      if (!isContent(a[i]!) && !isContent(a[i + 1]!)) continue
      for (const hit of pairs.get(`${a[i]!.norm} ${a[i + 1]!.norm}`) ?? []) {
        const b = right[hit.quote]!.words
        let li = i
        let ri = hit.at
        while (li > 0 && ri > 0 && a[li - 1]!.norm === b[ri - 1]!.norm) {
          li -= 1
          ri -= 1
        }
        let length = 0
        while (
          li + length < a.length &&
          ri + length < b.length &&
          a[li + length]!.norm === b[ri + length]!.norm
        ) {
          length += 1
        }
        const prior = best.get(hit.quote)
        if (!prior || length > prior.length) best.set(hit.quote, { leftAt: li, rightAt: ri, length })
      }
    }
    for (const qi of [...best.keys()].sort((x, y) => x - y)) {
      const run = best.get(qi)!
      const rq = right[qi]!
      const shorter = Math.min(lq.words.length, rq.words.length)
      const enough =
        (run.length === shorter && run.length >= 2) ||
        run.length >= 4 ||
        (run.length >= 3 && run.length * 2 >= shorter)
      if (!enough) continue
      matches.push({ left: lq, right: rq, ...run })
    }
  }
  return matches
}
