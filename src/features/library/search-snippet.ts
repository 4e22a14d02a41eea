/**
 * The sentence of an article that best matches a search, with the matching words marked: the library shows
 * it under each result so a reader sees why the article matched. Runs where the search runs (the worker).
 */
export type Snippet = {
  /** A sentence of the body (cut around its first match when long). */
  text: string
  /** [start, end) offsets in `text` (UTF-16 code units) of each matching word, in order. */
  marks: [number, number][]
}

const MAX_SNIPPET = 220
// MiniSearch's default tokenizer splits on separators and punctuation; a word is what lies between.
const WORD = /[^\n\r\p{Z}\p{P}]+/gu
const SENTENCE_END = /(?<=[.!?…]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u

/** The same folding the index applies to terms (case and accents). */
export const foldTerm = (term: string) => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The body's sentence with the most distinct matching terms (the first such), or null when the body does
 * not contain any (the headline or deck matched). `terms` are the index's folded terms that matched.
 */
export function bestSnippet(body: string, terms: ReadonlySet<string>): Snippet | null {
  if (terms.size === 0) return null
  let best: Snippet | null = null
  let bestScore = 0
  for (const sentence of body.split(SENTENCE_END)) {
    const marks: [number, number][] = []
    const seen = new Set<string>()
    for (const m of sentence.matchAll(WORD)) {
      const folded = foldTerm(m[0])
      if (!terms.has(folded)) continue
      marks.push([m.index, m.index + m[0].length])
      seen.add(folded)
    }
    if (seen.size > bestScore) {
      bestScore = seen.size
      best = { text: sentence, marks }
    }
  }
  return best && trim(best)
}

/** A long sentence is cut to MAX_SNIPPET characters around its first mark, with ellipses. */
function trim(snippet: Snippet): Snippet {
  const { text, marks } = snippet
  if (text.length <= MAX_SNIPPET) return snippet
  const first = marks[0]![0]
  let start = Math.max(0, Math.min(first - 60, text.length - MAX_SNIPPET))
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  let end = Math.min(text.length, start + MAX_SNIPPET)
  if (end < text.length) end = text.lastIndexOf(' ', end) > first ? text.lastIndexOf(' ', end) : end
  const lead = start > 0 ? '…' : ''
  const shift = lead.length - start
  return {
    text: `${lead}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
    marks: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  }
}
