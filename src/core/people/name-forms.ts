/**
 * How the forms of one person's name relate: "O'Malley" is the family name of "Thomas O'Malley Jr.", and
 * "Ferreira-Gomes" or "López Obrador" the two-word family name of "Lucia Ferreira-Gomes" or "Andrés Manuel
 * López Obrador". Keys are lowercase words (a hyphen splits a word).
 */

/** Generational suffixes that follow a family name and are never the name a person is called by. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv'])

/** The word a person is called by on second reference: the last word that is not a suffix. */
export function familyWord(words: readonly string[]): string {
  let k = words.length - 1
  while (k > 0 && SUFFIXES.has(words[k]!)) k -= 1
  return words[k]!
}

interface Draft {
  key: string
  words: string[]
  roles: unknown[]
  gender: 'm' | 'f' | null
}

/**
 * Folds a multi-word name that is exactly the end of one longer name (and of no other) into it, in place:
 * "ferreira gomes" into "lucia ferreira gomes". `byKey` maps every key to its canonical key.
 */
export function foldFamilyNames<T extends Draft>(list: T[], byKey: Map<string, string>): T[] {
  const kept: T[] = []
  for (const p of list) {
    const n = p.words.length
    const longer = list.filter(
      (q) => q !== p && q.words.length > n && q.words.slice(q.words.length - n).join(' ') === p.key,
    )
    const owner = longer.length === 1 ? longer[0]! : null
    if (!owner) {
      kept.push(p)
      continue
    }
    owner.roles.push(...p.roles)
    owner.gender ??= p.gender
    for (const [k, v] of byKey) if (v === p.key) byKey.set(k, owner.key)
  }
  return kept
}
