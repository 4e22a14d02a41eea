/**
 * Scraped page text -> the article's structure: kicker (and the page label above a dated column),
 * headline, deck, photo caption and credit, byline, dateline, the date the text states, and the body
 * paragraphs in order, with a record of everything removed and why.
 *
 * Pure and total: any string gives a result (possibly with a null headline and no paragraphs; the
 * pipeline turns that into an IngestError). Unknown stays null — nothing is inferred that the text
 * does not state.
 */
import type { Caption } from './schema'
import type { Removed } from './text-furniture'
import { normaliseText } from './text-normalise'
import { readDateline } from './text-structure'
import { readHeader } from './text/header'
import { stripSiteName } from './text/header-meta'
import { readHeaderAboveRun } from './text/header-run'
import { findMainRun } from './text/main-run'
import { assignRoles } from './text/roles'
import { markTail } from './text/tail'
import { applyContextRules, keyOf, makeUnits, repeatKey } from './text/units'

export type { RemovalReason, Removed } from './text-furniture'

export type CleanArticle = {
  /** The page label above a column-style kicker, when the text names a column with its date ("Korean Peninsula A to Z"). */
  section: string | null
  kicker: string | null
  headline: string | null
  deck: string | null
  caption: Caption | null
  byline: string | null
  dateline: string | null
  /** YYYY-MM-DD, only when the text states a full date as the publication date. */
  published: string | null
  paragraphs: string[]
  removed: Removed[]
}

/** Cleans one scraped article. Deterministic: the same text always gives the same structure. */
export function cleanArticle(raw: string): CleanArticle {
  const all = makeUnits(normaliseText(raw))
  applyContextRules(all)
  const units = assignRoles(all)
  const run = findMainRun(
    units.map((u) => ({
      text: u.text,
      facts: u.facts,
      furniture: u.reason !== null,
      structural: u.role !== null,
    })),
  )
  // A "Related" heading above the article is navigation, not its end: the tail is read from the run on.
  markTail(units, run?.start ?? 0, run?.end)

  // Repeated lines are promotion (a line a page prints twice is not reporting), except the header's own
  // lines, kept once, and long prose, which a scrape may have doubled: its first copy stays. Inside a
  // bounded article, only a copy of a long line or of the headline goes: lists repeat legitimately
  // (a meal plan's "Pre-workout meal" every day).
  const runHeader = run && readHeaderAboveRun(units, run)
  const header = runHeader ?? readHeader(units)
  const counts = new Map<string, number>()
  for (const u of units) {
    if (u.reason !== null || u.role !== null) continue
    const k = keyOf(u)
    if (k !== '') counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const headlineKey = header.headline === null ? null : repeatKey(header.headline)
  const structuralKeys = new Set([...header.structural].map(keyOf))
  const kept = new Set<string>()
  for (const u of units) {
    if (u.reason !== null || u.role !== null || header.structural.has(u)) continue
    const k = keyOf(u)
    if ((counts.get(k) ?? 0) < 2) continue
    if (k === headlineKey) u.reason = 'repeated-headline'
    else if (!structuralKeys.has(k) && u.facts.sentence && u.facts.words >= 15 && !kept.has(k)) kept.add(k)
    else if (runHeader === null || structuralKeys.has(k) || u.facts.words >= 15) u.reason = 'repeated'
  }

  let caption: Caption | null = null
  let byline: string | null = null
  let dateline: string | null = null
  let published: string | null = null
  let column: string | null = null
  const removed: Removed[] = []
  const paragraphs: string[] = [...header.extra].filter((u) => u.reason === null).map((u) => u.text)

  units.forEach((u, i) => {
    if (u.reason !== null) {
      removed.push({ text: u.text, reason: u.reason })
      return
    }
    const role = u.role
    if (role?.kind === 'date') {
      if (i < header.bodyStart || published === null) published ??= role.date
      column ??= role.column
      return
    }
    if (role?.kind === 'byline') {
      if (byline === null) byline = role.byline
      else if (byline !== role.byline) byline = `${byline}, ${role.byline}`
      published ??= role.published
      dateline ??= role.dateline
      return
    }
    if (role?.kind === 'credits') {
      // Reporting credits name the byline when the page printed none; the line itself is a footer.
      if (role.byline !== '') byline ??= role.byline
      removed.push({ text: u.text, reason: 'credits' })
      return
    }
    if (role?.kind === 'signature') {
      byline ??= role.byline
      dateline ??= role.dateline
      return
    }
    if (role?.kind === 'caption') {
      if (caption === null) caption = { text: role.caption.text, credit: role.caption.credit }
      else removed.push({ text: u.text, reason: 'photo-caption' })
      return
    }
    if (i < header.bodyStart) {
      // Header titles are structure; anything else before the body was kept in `extra`.
      if (!header.structural.has(u) && !header.extra.has(u)) paragraphs.push(u.text)
      return
    }
    paragraphs.push(u.text)
  })

  // The lead's dateline ("WASHINGTON (AP) —") is structure, not prose.
  const lead = paragraphs[0]
  const leadDateline = lead === undefined ? null : readDateline(lead)
  if (leadDateline) {
    paragraphs[0] = leadDateline.rest
    // The lead's own dateline is more specific than a byline's "in Geneva".
    dateline = leadDateline.dateline
  }

  let kicker = header.kicker
  let section: string | null = null
  if (column !== null) {
    // A column name stated with the date is the most specific label; a page label above it is the section.
    section = kicker
    kicker = column
  }

  return {
    section,
    kicker,
    headline: header.headline === null ? null : stripSiteName(header.headline),
    deck: header.deck,
    caption,
    byline,
    dateline,
    published,
    paragraphs,
    removed,
  }
}

/** Why no headline was read, in words for the ingest message. */
export function whyNoHeadline(clean: CleanArticle): string {
  const n = clean.paragraphs.length
  return n > 0
    ? `the text has ${n} paragraph${n === 1 ? '' : 's'} of prose or quotation but no title line above ${n === 1 ? 'it' : 'them'}`
    : 'the text should start with a title line (a short line without a full stop) before the body paragraphs'
}

/** What became of the lines after the headline, so the message says what really happened. */
export function whyNoBody(clean: CleanArticle): string {
  if (clean.removed.length === 0) return 'the text has nothing after its title line'
  const byReason = new Map<string, number>()
  for (const r of clean.removed) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1)
  const reasons = [...byReason]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ')
  const n = clean.removed.length
  return `the other ${n} line${n === 1 ? ' was' : 's were'} read as page furniture (${reasons})`
}
