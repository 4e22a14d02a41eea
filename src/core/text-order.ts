const folded = new Map<string, string>()
// Names and headlines repeat across sorts; the cache only bounds its own growth.
const MAX_CACHED = 10_000

function fold(s: string): string {
  let f = folded.get(s)
  if (f === undefined) {
    f = s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
    if (folded.size >= MAX_CACHED) folded.clear()
    folded.set(s, f)
  }
  return f
}

/**
 * Alphabetical order for tie-breaks: accents and case set aside ("Émile" among the Es), then as written.
 * The same on the server and in every browser. Not `localeCompare`: its first call loads the locale's
 * collation data, a long task on a phone while a page hydrates, for an order that only breaks ties.
 * See docs/decisions/0018-no-intl-at-hydration.md.
 */
export function compareText(a: string, b: string): number {
  const fa = fold(a)
  const fb = fold(b)
  if (fa !== fb) return fa < fb ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
