/**
 * How the forms of one person's name relate: "O'Malley" is the family name of "Thomas O'Malley Jr.", and
 * "Ferreira-Gomes" or "López Obrador" the two-word family name of "Lucia Ferreira-Gomes" or "Andrés Manuel
 * López Obrador". Keys are lowercase words (a hyphen splits a word).
 */
import { NAME_SUFFIXES } from '../lexicon-words'

/** The word a person is called by on second reference: the last word that is not a suffix. */
export function familyWord(words: readonly string[]): string {
  let k = words.length - 1
  while (k > 0 && NAME_SUFFIXES.has(words[k]!)) k -= 1
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
  // Every proper ending of every name, once: linear in the words, not quadratic in the people.
  const endings = new Map<string, T[]>()
  for (const q of list) {
    for (let n = 2; n < q.words.length; n += 1) {
      const end = q.words.slice(q.words.length - n).join(' ')
      const owners = endings.get(end) ?? []
      if (owners.length < 2) owners.push(q)
      endings.set(end, owners)
    }
  }
  const kept: T[] = []
  const into = new Map<string, string>()
  for (const p of list) {
    const longer = endings.get(p.key)
    const owner = longer && longer.length === 1 && longer[0] !== p ? longer[0]! : null
    if (!owner) {
      kept.push(p)
      continue
    }
    owner.roles.push(...p.roles)
    owner.gender ??= p.gender
    into.set(p.key, owner.key)
  }
  if (into.size > 0) for (const [k, v] of byKey) byKey.set(k, into.get(v) ?? v)
  return kept
}
