/**
 * Whether a headline is the page's own title. Pages title themselves "Headline | Site", "Headline - Site",
 * "Headline – Site" or "Site: Headline"; the reader's headline should carry the headline without the site
 * name, so a match is the whole title or the title less its first or last separated part. Compared without
 * case, spacing, quote or dash styles mattering.
 */

/** Folds what does not matter when reading a headline: case, spacing, quote and dash styles, ellipses. */
export function foldHeadline(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
}

// A site name is set off by a pipe, a spaced dash, a double colon or a middle dot.
const SEPARATOR = /\s+(?:[|·•»]|::|[-–—])\s+/

/** The title and the forms of it without a leading or trailing site name. */
export function titleForms(title: string): string[] {
  const folded = foldHeadline(title)
  const forms = new Set([folded])
  const parts = folded.split(SEPARATOR)
  if (parts.length > 1) {
    forms.add(parts.slice(0, -1).join(' - ').trim())
    forms.add(parts.slice(1).join(' - ').trim())
  }
  // "Site: Headline" is rarer; only a short first part is taken for a site name.
  const colon = /^([^:]{2,30}):\s+(.{10,})$/.exec(folded)
  if (colon) forms.add(colon[2]!)
  return [...forms].filter((f) => f !== '')
}

/** Whether `headline` is the page title (less a site name). Separator styles inside both are folded alike. */
export function headlineMatchesTitle(headline: string | null, title: string): boolean {
  if (headline === null) return false
  const h = foldHeadline(headline).split(SEPARATOR).join(' - ')
  return titleForms(title).includes(h)
}
