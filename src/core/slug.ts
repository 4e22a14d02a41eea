/**
 * Readable, stable slugs for article ids: "U.S.-Japan Summit Focuses on ..." -> "us-japan-summit-focuses-on-...".
 * Pure; the same text always gives the same slug.
 */

const MAX_SLUG = 80

/** FNV-1a: a short, stable fingerprint for text that has no Latin letters to slug (e.g. Korean headlines). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * Lower-case ASCII words joined by single hyphens, at most 80 characters, cut at a word boundary.
 * Accents are dropped (São Paulo -> sao-paulo), dots inside initialisms vanish (U.S. -> us) and
 * apostrophes join (Trump's -> trumps). Text without any Latin letter or digit gives `article-<hash>`.
 */
export function slugify(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    // A dot between digits separates numbers (3.5 -> 3-5); anywhere else it is an abbreviation's.
    .replace(/(\d)\.(?=\d)/g, '$1-')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (base === '') return `article-${fingerprint(text)}`
  if (base.length <= MAX_SLUG) return base
  const cut = base.slice(0, MAX_SLUG + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : base.slice(0, MAX_SLUG)).replace(/-+$/g, '')
}
