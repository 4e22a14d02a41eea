/** Stage 2: structural roles (dates, bylines, credits, captions, sign-offs) read from the units. */
import { readDateLine } from '../text-dates'
import { unitFacts } from '../text-furniture'
import { readByline, readCaption, readCredits, readSignature } from '../text-structure'
import { isLabelLike, type Unit } from './units'

/** Reads dates, bylines, credits and captions; returns the units left once captions absorbed their text. */
export function assignRoles(units: Unit[]): Unit[] {
  for (const u of units) {
    if (u.reason !== null) continue
    const date = readDateLine(u.text)
    if (date) {
      const column = date.prefix === '' ? null : date.prefix
      const byline = column ? readByline(column) : null
      if (byline) {
        const published = date.kind === 'published' ? date.date : null
        u.role = { kind: 'byline', byline: byline.byline, dateline: byline.dateline, published }
      } else if (column === null || isLabelLike(column, unitFacts(column))) {
        if (date.kind === 'updated') u.reason = 'timestamp'
        else u.role = { kind: 'date', date: date.date, column }
      }
      continue
    }
    const byline = readByline(u.text)
    if (byline) {
      u.role = { kind: 'byline', ...byline }
      continue
    }
    const credits = readCredits(u.text)
    if (credits !== null) {
      u.role = { kind: 'credits', byline: credits }
      continue
    }
    const caption = readCaption(u.text)
    if (caption) u.role = { kind: 'caption', caption }
  }
  // "Justin McCurry in Tokyo" over a date line is the byline, wherever it stands.
  for (let i = 0; i + 1 < units.length; i += 1) {
    const u = units[i]!
    if (u.reason !== null || u.role !== null || units[i + 1]!.role?.kind !== 'date') continue
    const signature = readSignature(u.text)
    if (signature) u.role = { kind: 'signature', ...signature }
  }
  // A credit on its own line belongs to a labelled caption just after it ("Image source, Getty Images"
  // over "Image caption, ..."), else to the description just before it (looking past a little furniture
  // at most, so that a page of credits stays linear).
  const merged = new Set<Unit>()
  for (let i = 0; i < units.length; i += 1) {
    const u = units[i]!
    if (u.role?.kind !== 'caption' || !u.role.caption.creditOnly) continue
    let k = i + 1
    while (k < units.length && k - i < 4 && units[k]!.reason !== null) k += 1
    const next = units[k]
    if (
      next?.role?.kind === 'caption' &&
      !next.role.caption.creditOnly &&
      next.role.caption.credit === null
    ) {
      next.role.caption = { ...next.role.caption, credit: u.role.caption.credit }
      merged.add(u)
      continue
    }
    if (i === 0) continue
    let j = i - 1
    while (j > 0 && i - j < 4 && units[j]!.reason !== null) j -= 1
    const prev = units[j]!
    if (prev.reason !== null || prev.role !== null || merged.has(prev)) continue
    if (prev.facts.sentence && !prev.facts.quoted && prev.facts.words <= 60) {
      u.role.caption = { text: prev.text, credit: u.role.caption.credit, creditOnly: false }
      merged.add(prev)
    }
  }
  return merged.size === 0 ? units : units.filter((u) => !merged.has(u))
}
