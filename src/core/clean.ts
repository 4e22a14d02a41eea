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
import { readDateLine } from './text-dates'
import {
  furnitureReason,
  isBannerButton,
  isCommentStart,
  isPromotional,
  isSponsoredHeading,
  isTailHeading,
  standsAloneAsFurniture,
  unitFacts,
  type RemovalReason,
  type Removed,
  type UnitFacts,
} from './text-furniture'
import { lineUnits } from './text-lines'
import { isHeaderMeta, statesTime } from './text/header-meta'
import { findMainRun, type MainRun } from './text/main-run'
import { normaliseText } from './text-normalise'
import {
  readByline,
  readCaption,
  readCredits,
  readDateline,
  readSignature,
  type CaptionRead,
} from './text-structure'

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

type Role =
  | { kind: 'date'; date: string | null; column: string | null }
  | { kind: 'byline'; byline: string; published: string | null; dateline: string | null }
  | { kind: 'credits'; byline: string }
  | { kind: 'caption'; caption: CaptionRead }
  | { kind: 'signature'; byline: string; dateline: string }

type Unit = {
  text: string
  bullet: boolean
  facts: UnitFacts
  reason: RemovalReason | null
  role: Role | null
  key?: string
}

/** Article prose: a sentence of some length that is not selling anything. */
function isBodyLike(u: Unit): boolean {
  return u.reason === null && u.role === null && u.facts.sentence && u.facts.words >= 8
}

/** Long enough prose that, after a tail heading, the article must be continuing. */
function isSolidProse(u: Unit): boolean {
  return (
    u.facts.sentence &&
    u.facts.words >= 20 &&
    !isPromotional(u.text, u.facts) &&
    furnitureReason(u.text, u.facts) === null
  )
}

/** Comparison key for repeated lines: case, spacing and punctuation do not make a line different. */
function repeatKey(text: string): string {
  // Spaces and ASCII, Latin-1 and general punctuation; a non-Unicode pattern, as this runs on every unit.
  return text.toLowerCase().replace(/[\s!-/:-@[-`{-~\u00a1-\u00bf\u2010-\u2027\u2030-\u205e]+/g, '')
}

/** The unit's repeat key, computed once: several passes compare units by it. */
function keyOf(u: Unit): string {
  return (u.key ??= repeatKey(u.text))
}

const SMALL_WORDS = /^(?:a|an|and|as|at|by|for|in|of|on|or|the|to|vs\.?|v\.?|with|from|&)$/

/** A short label in Title Case or capitals, such as a section or column name, not a headline. */
function isLabelLike(text: string, facts: UnitFacts): boolean {
  if (facts.words > 6 || text.length > 50 || facts.sentence || facts.quoted || text.includes(','))
    return false
  return text.split(' ').every((w) => SMALL_WORDS.test(w) || /^[\p{Lu}\p{N}]/u.test(w))
}

/** A kicker: a short label without a full stop, quotes or commas ("World news", "NORTH KOREA CRISIS"). */
function isKickerLike(u: Unit): boolean {
  const f = u.facts
  return f.words <= 5 && u.text.length <= 50 && !f.sentence && !f.quoted && !u.text.includes(',')
}

function isTitleLike(u: Unit): boolean {
  return u.facts.words <= 40 && u.text.length <= 300 && /\p{L}/u.test(u.text)
}

const LABEL_REASONS = new Set<RemovalReason | null>([
  'advertisement',
  'social',
  'navigation',
  'cookie-banner',
])

// A date label on a line of its own ("Published" over "18 April 2018") belongs with the date below it.
const DATE_LABEL_LINE =
  /^((?:first )?published|(?:last )?updated|posted|date)[ \t]?:?\n(?=[^\n]{0,60}\d{4})/gim

function makeUnits(text: string): Unit[] {
  // Short labels ("SKIP ADVERTISEMENT", "Share page", "Supported by") never join a neighbour either.
  const standsAlone = (line: string): boolean =>
    standsAloneAsFurniture(line) ||
    (line.length <= 40 && LABEL_REASONS.has(furnitureReason(line))) ||
    readDateLine(line) !== null ||
    readByline(line) !== null
  return lineUnits(text.replace(DATE_LABEL_LINE, '$1 '), standsAlone).map((u) => {
    const facts = unitFacts(u.text)
    return { text: u.text, bullet: u.bullet, facts, reason: furnitureReason(u.text, facts), role: null }
  })
}

/** Rules that need neighbours: cookie buttons, benefit lists, sponsored blocks. */
function applyContextRules(units: Unit[]): void {
  for (let i = 1; i < units.length; i += 1) {
    const u = units[i]!
    const prev = units[i - 1]!
    if (u.reason === null && prev.reason === 'cookie-banner' && isBannerButton(u.text))
      u.reason = 'cookie-banner'
  }
  // A bulleted list is a subscription pitch when its lead-in or most of its items sell access.
  for (let i = 0; i < units.length;) {
    if (!units[i]!.bullet) {
      i += 1
      continue
    }
    let end = i
    while (end < units.length && units[end]!.bullet) end += 1
    const items = units.slice(i, end)
    const leadIn = i > 0 ? units[i - 1]! : null
    const selling = items.filter((u) => u.reason !== null || isPromotional(u.text, u.facts)).length
    const leadSells = leadIn !== null && (leadIn.reason === 'promotion' || leadIn.reason === 'newsletter')
    if (leadSells || selling * 2 >= items.length) {
      for (const item of items) item.reason = 'subscription-benefits'
    }
    i = end
  }
  // Teasers under a "Sponsored" heading belong to it until the article's prose resumes.
  for (let i = 0; i < units.length; i += 1) {
    if (!isSponsoredHeading(units[i]!.text)) continue
    for (let j = i + 1; j < units.length && j <= i + 6; j += 1) {
      const u = units[j]!
      if (u.reason !== null) continue
      if (isSolidProse(u)) break
      u.reason = 'sponsored'
    }
  }
}

/** Reads dates, bylines, credits and captions; returns the units left once captions absorbed their text. */
function assignRoles(units: Unit[]): Unit[] {
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

/**
 * The end of the article: a navigation heading ("Latest News", "Related", "Sponsored Content") or a
 * reporter's sign-off after the body has begun. Everything after it is page furniture, unless solid
 * prose resumes (two long sentences in a row), which means the heading was a box inside the article.
 */
function markTail(units: Unit[], from = 0): void {
  let bodySeen = 0
  let inTail = false
  let inComments = false
  for (let i = from; i < units.length; i += 1) {
    const u = units[i]!
    if (inTail) {
      const next = units[i + 1]
      // Readers' comments are solid prose too: a comment section never gives way to the article again.
      const resumes = !inComments && next && next.reason === null && isSolidProse(next)
      if (u.reason === null && isSolidProse(u) && resumes) {
        inTail = false
      } else {
        if (u.reason === null && u.role?.kind !== 'signature') {
          u.reason = isTailHeading(u.text) ? 'navigation' : 'after-article-end'
        }
        continue
      }
    }
    if (isBodyLike(u)) bodySeen += 1
    if (bodySeen === 0) continue
    if (u.reason === null && u.role === null && isCommentStart(u.text)) {
      u.reason = 'comments'
      inTail = true
      inComments = true
    } else if ((u.reason === null || u.reason === 'navigation') && u.role === null && isTailHeading(u.text)) {
      u.reason = 'navigation'
      inTail = true
    } else if (u.reason === 'sponsored' || u.reason === 'footer' || u.role?.kind === 'credits') {
      inTail = true
    } else if (bodySeen >= 2 && u.reason === null && (u.role === null || u.role.kind === 'caption')) {
      const signature = readSignature(u.text)
      if (signature) {
        u.role = { kind: 'signature', ...signature }
        inTail = true
      }
    }
  }
}

type Header = {
  kicker: string | null
  headline: string | null
  deck: string | null
  /** The units read as headline, deck and kicker. */
  structural: Set<Unit>
  /** Header lines that were not structure (kept at the start of the body). */
  extra: Set<Unit>
  bodyStart: number
}

function readHeader(units: Unit[]): Header {
  const live = (u: Unit) => u.reason === null
  let firstBody = units.findIndex(isBodyLike)
  if (firstBody === -1) firstBody = units.length
  let secondBody = units.findIndex((u, i) => i > firstBody && isBodyLike(u))
  if (secondBody === -1) secondBody = units.length
  // A deck written as a full sentence: a byline or date after it means the header had not ended, and
  // so does a photo caption after a sentence too short to be a lead paragraph.
  let headerEnd = firstBody
  const shortFirst = firstBody < units.length && units[firstBody]!.facts.words <= 25
  for (let i = firstBody; i < secondBody; i += 1) {
    const role = units[i]!.role?.kind
    if (!live(units[i]!)) continue
    if (role === 'byline' || role === 'date' || (role === 'caption' && shortFirst)) headerEnd = i + 1
  }
  const titles: number[] = []
  for (let i = 0; i < headerEnd; i += 1) {
    const u = units[i]!
    if (live(u) && u.role === null && !u.bullet) titles.push(i)
  }
  let bodyStart = headerEnd
  if (titles.length === 0 && firstBody < units.length) {
    // No title above the prose: a short first sentence followed by more prose is the headline.
    const u = units[firstBody]!
    if (u.facts.words <= 25 && secondBody < units.length) {
      titles.push(firstBody)
      bodyStart = firstBody + 1
    }
  }
  const header: Header = {
    kicker: null,
    headline: null,
    deck: null,
    structural: new Set(),
    extra: new Set(),
    bodyStart,
  }
  if (titles.length === 0) return header

  // A title the page repeats is the headline (pages print it in the header and again above the text).
  const counts = new Map<string, number>()
  for (const i of titles) counts.set(keyOf(units[i]!), (counts.get(keyOf(units[i]!)) ?? 0) + 1)
  let headlineAt = -1
  for (const i of titles) {
    const u = units[i]!
    if ((counts.get(keyOf(u)) ?? 0) < 2 || !isTitleLike(u)) continue
    if (headlineAt === -1 || u.facts.words > units[headlineAt]!.facts.words) headlineAt = i
  }
  // Otherwise read the header from its end, where the article starts: [kicker] headline [deck], with any
  // navigation a scrape picked up before it. A label right after the headline is a kicker printed late.
  let lateKicker: Unit | null = null
  let candidates = titles
  let lateTitles: number[] = []
  if (headlineAt === -1) {
    // The headline block ends at the first byline, date or caption; titles after that are late labels.
    const anchor = units.findIndex(
      (u, i) => i < titles.at(-1)! && u.reason === null && u.role !== null && u.role.kind !== 'credits',
    )
    if (anchor !== -1 && titles[0]! < anchor) {
      candidates = titles.filter((i) => i < anchor)
      lateTitles = titles.filter((i) => i > anchor)
    }
    const lastUnit = units[candidates.at(-1)!]!
    if (candidates.length >= 2 && isKickerLike(lastUnit)) {
      lateKicker = lastUnit
      candidates = candidates.slice(0, -1)
    }
    const last = candidates.at(-1)!
    const prev = candidates.at(-2)
    const prevUnit = prev === undefined ? null : units[prev]!
    if (prevUnit === null) headlineAt = last
    else if (!isKickerLike(prevUnit)) headlineAt = prev!
    else if (units[last]!.facts.words >= 16 && prevUnit.facts.words >= 4) headlineAt = prev!
    else headlineAt = last
  }
  const headlineUnit = units[headlineAt]!
  if (!isTitleLike(headlineUnit)) return header
  header.headline = headlineUnit.text
  header.structural.add(headlineUnit)
  const key = keyOf(headlineUnit)
  const before: Unit[] = []
  const after: Unit[] = []
  for (const i of [...candidates, ...lateTitles]) {
    const u = units[i]!
    if (i === headlineAt) continue
    if (keyOf(u) === key) {
      u.reason = 'repeated-headline'
      continue
    }
    ;(i < headlineAt ? before : after).push(u)
  }
  // The label right above the headline is its kicker; anything further up is page navigation.
  const above = before.at(-1)
  const kicker = above && isKickerLike(above) ? above : lateKicker
  if (kicker) {
    header.kicker = kicker.text
    header.structural.add(kicker)
  }
  for (const u of before) if (u !== kicker) u.reason = 'navigation'
  const rest = [...after]
  if (header.kicker === null) {
    // Some pages print the kicker after the title (a saved page's DOM order).
    const label = rest.findIndex((u) => isKickerLike(u))
    if (label !== -1) {
      const [u] = rest.splice(label, 1)
      header.kicker = u!.text
      header.structural.add(u!)
    }
  }
  const deck = rest[0]
  if (deck && deck.facts.words <= 60) {
    header.deck = deck.text
    header.structural.add(deck)
    header.extra = new Set(rest.slice(1))
  } else {
    header.extra = new Set(rest)
  }
  return header
}

/** A line that can be a headline: a few words of title, not a label; a full stop only right over a byline. */
function isHeadlineCandidate(u: Unit, overAnchor: boolean): boolean {
  if (u.reason !== null || u.role !== null || u.bullet || !isTitleLike(u)) return false
  if (u.facts.words < 3 || u.facts.words > 30 || isHeaderMeta(u.text)) return false
  return !/[.…]["'”’»)\]]{0,3}$/u.test(u.text) || (overAnchor && u.facts.words <= 14)
}

/** A byline or a dated line, strong enough to vouch for a headline ending in a full stop above it. */
function isDatedAnchor(u: Unit | undefined): boolean {
  if (u === undefined) return false
  const role = u.role?.kind
  if (role === 'byline' || role === 'date' || role === 'signature' || u.reason === 'timestamp') return true
  return u.reason === null && u.facts.words <= 16 && statesTime(u.text)
}

/** A byline, date or time line: what a page prints right under its headline. */
function isAnchor(u: Unit | undefined): boolean {
  if (u === undefined) return false
  const role = u.role?.kind
  if (role === 'byline' || role === 'date' || role === 'signature' || u.reason === 'timestamp') return true
  return u.reason === null && u.facts.words <= 16 && isHeaderMeta(u.text)
}


/** The index of the first unit from `from` that is not furniture (or `end`). */
function nextLive(units: Unit[], from: number, end: number): number {
  let i = from
  while (i < end && units[i]!.reason !== null) i += 1
  return i
}

/**
 * Whether a byline or date follows within the header, past at most two deck or caption sentences and a
 * few short labels ("HEALTH", the author's name on its own line).
 */
function overAnchor(units: Unit[], from: number, end: number): boolean {
  let sentences = 0
  for (let i = from; i < end && i - from < 8; i += 1) {
    const u = units[i]!
    if (isAnchor(u)) return true
    if (u.reason !== null || u.role?.kind === 'caption' || u.facts.words <= 3) continue
    if (u.facts.sentence && u.facts.words <= 60 && (sentences += 1) <= 2) continue
    return false
  }
  return false
}

/** A byline, date or caption follows before any more prose: the header had not ended. */
function isDeckByPosition(units: Unit[], from: number, end: number): boolean {
  for (let i = from; i <= end && i - from < 6; i += 1) {
    const u = units[i]!
    if (isAnchor(u) || u.role?.kind === 'caption') return true
    if (u.reason === null && isBodyLike(u)) return false
  }
  return false
}

/**
 * Bounds the article by its densest run of prose: what follows the run is page furniture, and the
 * headline is the title line above it (the one right over a byline or date, else the nearest), with
 * everything further up page navigation. Null when the page has no run or no title above it.
 */
function readHeaderAboveRun(units: Unit[], run: MainRun): Header | null {
  for (let i = run.end + 1; i < units.length; i += 1) {
    const u = units[i]!
    if (u.reason === null && (u.role === null || u.role.kind === 'caption')) u.reason = 'after-article-end'
  }
  // A title line printed first in the run, right over a byline or date, is the headline, not prose.
  let start = run.start
  const first = units[run.start]!
  if (run.start < run.end && isDatedAnchor(units[run.start + 1]) && isHeadlineCandidate(first, true)) {
    start = run.start + 1
  }
  let nearest = -1
  let anchored = -1
  for (let i = start - 1; i >= 0 && start - i <= 25 && anchored === -1; i -= 1) {
    const u = units[i]!
    const next = units[nextLive(units, i + 1, start)]
    if (!isHeadlineCandidate(u, isDatedAnchor(next))) continue
    if (nearest === -1) nearest = i
    if ((isAnchor(next) || overAnchor(units, i + 1, start))) anchored = i
  }
  // A title between a dated line and the prose is the headline (the date printed over it); otherwise
  // the title over a byline or date wins over the nearest.
  let prevAt = nearest - 1
  while (prevAt >= 0 && units[prevAt]!.reason !== null) prevAt -= 1
  const directlyAbove =
    nearest !== -1 && nextLive(units, nearest + 1, start) === start && isAnchor(units[prevAt])
  let headlineAt = anchored === -1 || directlyAbove ? nearest : anchored
  // A longer line right under another title is the deck, printed without its full stop; a label above
  // would be the kicker instead.
  const aboveAt = headlineAt > 0 ? headlineAt - 1 : -1
  const above = units[aboveAt]
  const here = units[headlineAt]
  // ... unless that title is one of a list of them (teasers above the article).
  let upAt = aboveAt - 1
  while (upAt >= 0 && units[upAt]!.reason !== null) upAt -= 1
  const up = units[upAt]
  const inList = up !== undefined && isHeadlineCandidate(up, false) && !isKickerLike(up)
  if (above && here && !inList && isHeadlineCandidate(above, false)) {
    if (here.facts.words >= 16 ? above.facts.words < here.facts.words : !isKickerLike(above)) headlineAt = aboveAt
  }
  if (headlineAt === -1) return null
  // A sentence right under the headline with a byline, date or photo caption after it is the deck.
  if (nextLive(units, headlineAt + 1, start) === start && start < run.end) {
    const first = units[start]!
    if (first.role === null && first.facts.words <= 40 && isDeckByPosition(units, start + 1, run.end)) start += 1
  }
  const headlineUnit = units[headlineAt]!
  const header: Header = {
    kicker: null,
    headline: headlineUnit.text,
    deck: null,
    structural: new Set([headlineUnit]),
    extra: new Set(),
    bodyStart: start,
  }
  const key = keyOf(headlineUnit)
  // The first label above the headline (past furniture, dates and copies of the headline) is its kicker.
  let aboveSeen = false
  for (let i = headlineAt - 1; i >= 0; i -= 1) {
    const u = units[i]!
    if (u.reason !== null || u.role !== null) continue
    if (keyOf(u) === key) u.reason = 'repeated-headline'
    else if (!aboveSeen && isKickerLike(u)) {
      header.kicker = u.text
      header.structural.add(u)
    } else u.reason = 'navigation'
    if (u.reason !== 'repeated-headline') aboveSeen = true
  }
  // Between the headline and the prose: a deck, structure, or short furniture of the header.
  for (let i = headlineAt + 1; i < start; i += 1) {
    const u = units[i]!
    if (u.reason !== null || u.role !== null) continue
    if (keyOf(u) === key) u.reason = 'repeated-headline'
    else if (header.deck === null && u.facts.words >= 5 && u.facts.words <= 60 && !isHeaderMeta(u.text)) {
      header.deck = u.text
      header.structural.add(u)
    } else u.reason = 'before-article-start'
  }
  return header
}

/** Cleans one scraped article. Deterministic: the same text always gives the same structure. */
export function cleanArticle(raw: string): CleanArticle {
  const all = makeUnits(normaliseText(raw))
  applyContextRules(all)
  const units = assignRoles(all)
  const run = findMainRun(
    units.map((u) => ({ text: u.text, facts: u.facts, furniture: u.reason !== null, structural: u.role !== null })),
  )
  // A "Related" heading above the article is navigation, not its end: the tail is read from the run on.
  markTail(units, run?.start ?? 0)

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
    headline: header.headline,
    deck: header.deck,
    caption,
    byline,
    dateline,
    published,
    paragraphs,
    removed,
  }
}
