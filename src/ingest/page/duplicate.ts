/**
 * Whether one text repeats another, as pages repeat their lead in their description: the same words with
 * a dash, spacing, quote marks or a cut-off ellipsis changed. Compared on word triples, so a description
 * that is the first sentence of the body, cut short with "…", still counts as a repeat.
 */

const wordsOf = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?:…|\.{3})\s*$/u, '')
    .match(/[\p{L}\p{N}]+/gu) ?? []

function triples(words: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + 3 <= words.length; i += 1) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)
  return out
}

/**
 * Whether most of `short` is already in `long` (at least `share` of its word triples; a text of under
 * three words must appear whole).
 */
export function repeats(short: string, long: string, share = 0.6): boolean {
  const a = wordsOf(short)
  const b = wordsOf(long)
  if (a.length === 0) return true
  if (a.length < 3) return ` ${b.join(' ')} `.includes(` ${a.join(' ')} `)
  const have = triples(b)
  const want = triples(a)
  let found = 0
  for (const t of want) if (have.has(t)) found += 1
  return found / want.size >= share
}
