/**
 * The header read above the article's densest run of prose: the headline is the title line nearest the
 * prose, or the one over a byline or date; a sentence between them with a byline after it is the deck;
 * everything above is navigation and everything after the run is page furniture.
 */
import { isHeaderMeta, statesAuthorOrTime, statesTime } from './header-meta'
import type { Header } from './header'
import { wordsOf, type MainRun } from './main-run'
import { isBodyLike, isKickerLike, isTitleLike, keyOf, type Unit } from './units'

/** A line that can be a headline: a few words of title, not a label; a full stop only right over a byline. */
function isHeadlineCandidate(u: Unit, overAnchor: boolean): boolean {
  if (u.reason !== null || u.role !== null || u.bullet || !isTitleLike(u)) return false
  const words = wordsOf(u)
  if (words < 3 || words > 30 || isHeaderMeta(u.text)) return false
  return !/[.…]["'”’»)\]]{0,3}$/u.test(u.text) || (overAnchor && u.facts.words <= 14 && !u.facts.quoted)
}

/** A byline or a dated line, strong enough to vouch for a headline ending in a full stop above it. */
function isDatedAnchor(u: Unit | undefined): boolean {
  if (u === undefined) return false
  const role = u.role?.kind
  if (role === 'byline' || role === 'date' || role === 'signature' || u.reason === 'timestamp') return true
  return u.reason === null && u.facts.words <= 16 && statesTime(u.text)
}

/**
 * A byline, date or time line: what a page prints right under its headline. Share and sign-in prompts
 * are not: a site's menu holds them too, so they would vouch for any menu item above them.
 */
function isAnchor(u: Unit | undefined): boolean {
  if (u === undefined) return false
  const role = u.role?.kind
  if (role === 'byline' || role === 'date' || role === 'signature' || u.reason === 'timestamp') return true
  // (A photo caption's credit is no byline: a gallery sits anywhere.)
  return u.reason === null && u.role === null && u.facts.words <= 16 && statesAuthorOrTime(u.text)
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

/** Content words of a line: four letters or more, folded. */
function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4),
  )
}

/**
 * A one-sentence summary right under the headline, over a longer lead paragraph that tells the same
 * thing again: the deck (standfirst), not the article's first paragraph.
 */
function isSummaryOfLead(units: Unit[], at: number, end: number): boolean {
  const first = units[at]!
  const lead = units[nextLive(units, at + 1, end + 1)]
  if (lead === undefined || !isBodyLike(lead) || first.facts.quoted) return false
  if (first.facts.words < 10 || first.facts.words > 35 || lead.facts.words < first.facts.words * 1.2)
    return false
  // One sentence: no full stop followed by another sentence inside it.
  if (/[.!?]["'”’]?\s+\p{Lu}/u.test(first.text.slice(0, -1))) return false
  const leadWords = contentWords(lead.text)
  let shared = 0
  for (const w of contentWords(first.text)) if (leadWords.has(w)) shared += 1
  return shared >= 3
}

/** A headline written as a sentence ("The summit failed. Now the work begins."): short, over a long paragraph. */
function isSentenceHeadline(units: Unit[], at: number, end: number): boolean {
  const u = units[at]!
  if (at >= end || u.role !== null || u.facts.quoted || u.bullet || u.facts.words > 14) return false
  const next = units[nextLive(units, at + 1, end + 1)]
  return next !== undefined && isBodyLike(next) && next.facts.words >= 2 * u.facts.words
}

/** A short line between two menu labels ("Work with us" under "Our team", over "Blog") is a menu item. */
function isMenuItem(units: Unit[], at: number, next: Unit | undefined): boolean {
  const label = (u: Unit | undefined) =>
    u !== undefined && u.reason === null && u.role === null && wordsOf(u) <= 3 && !u.facts.sentence
  if (wordsOf(units[at]!) > 4 || !label(next)) return false
  let prevAt = at - 1
  while (prevAt >= 0 && units[prevAt]!.reason !== null) prevAt -= 1
  return label(units[prevAt])
}

/** How far into the run a headline over a byline may still stand. */
const EARLY_HEADLINE = 3

/** A label with two more short labels right above it is one item of a menu, not a kicker. */
function isInMenu(units: Unit[], at: number): boolean {
  let labels = 0
  for (let i = at - 1; i >= 0 && labels < 2; i -= 1) {
    const u = units[i]!
    if (u.role !== null || u.reason !== null) continue
    if (u.facts.words > 3 || u.facts.sentence) return false
    labels += 1
  }
  return labels === 2
}

/**
 * A kicker rather than a short headline: a word or two, three capitalised words, or a line in capitals
 * ("Storm Closes Mountain Pass" is Title Case, a headline).
 */
function isKickerLabel(u: Unit): boolean {
  if (!isKickerLike(u)) return false
  const words = u.text.split(' ').filter((w) => /\p{L}/u.test(w))
  return (
    words.length <= 2 ||
    (words.length <= 3 &&
      words.every((w) => /^(?:[\p{Lu}\p{N}]|(?:a|an|and|at|for|in|of|on|the|to)$)/u.test(w))) ||
    u.text === u.text.toUpperCase()
  )
}

/** Whether a line with the same text as `units[at]` stands further up the page (a teaser list, a breadcrumb). */
function printedAbove(units: Unit[], at: number): boolean {
  const key = keyOf(units[at]!)
  for (let i = 0; i < at - 1; i += 1) if (keyOf(units[i]!) === key) return true
  return false
}

/**
 * The headline when the title found is a subtitle: a title right above it is the headline, the line
 * under it the deck, printed without its full stop. A label above is a kicker instead, and a line in a
 * list of titles (teasers above the article) is not the headline; a title the page prints twice (in a
 * list or a breadcrumb, and over the article) is.
 */
function titleOverDeck(units: Unit[], at: number): number {
  const aboveAt = at - 1
  const above = units[aboveAt]
  const here = units[at]!
  if (above === undefined || !isHeadlineCandidate(above, false) || isKickerLabel(above)) return at
  const aboveRepeated = printedAbove(units, aboveAt)
  if (!aboveRepeated && printedAbove(units, at)) return at
  let upAt = aboveAt - 1
  while (upAt >= 0 && units[upAt]!.reason !== null) upAt -= 1
  const up = units[upAt]
  // (The page's title line, "Headline | Site", above the headline is a copy of it, not a list.)
  const titleCopy = up !== undefined && keyOf(up).startsWith(keyOf(above))
  const inList = up !== undefined && !titleCopy && isHeadlineCandidate(up, false) && !isKickerLike(up)
  if (inList && !aboveRepeated) return at
  return here.facts.words < 16 || above.facts.words < here.facts.words ? aboveAt : at
}

/**
 * Bounds the article by its densest run of prose: what follows the run is page furniture, and the
 * headline is the title line above it (the one right over a byline or date, else the nearest), with
 * everything further up page navigation. Null when the page has no run or no title above it.
 */
export function readHeaderAboveRun(units: Unit[], run: MainRun): Header | null {
  for (let i = run.end + 1; i < units.length; i += 1) {
    const u = units[i]!
    if (u.reason === null && (u.role === null || u.role.kind === 'caption')) u.reason = 'after-article-end'
  }
  // A title line early in the run, right over a byline or date, is the headline: the run began with a
  // teaser or a summary above it, or the headline reads like a sentence.
  let start = run.start
  for (let i = run.start; i < Math.min(run.end, run.start + EARLY_HEADLINE); i += 1) {
    const u = units[i]!
    const next = units[nextLive(units, i + 1, run.end)]
    const long = i === run.start || u.facts.words >= 5
    if (u.reason === null && u.role === null && long && isDatedAnchor(next) && isHeadlineCandidate(u, true)) {
      start = i + 1
      break
    }
  }
  let nearest = -1
  let anchored = -1
  // Up to 25 lines above the prose, not counting furniture (a share panel can run to thirty lines).
  let seen = 0
  for (let i = start - 1; i >= 0 && seen < 25 && anchored === -1; i -= 1) {
    const u = units[i]!
    if (u.reason === null) seen += 1
    const next = units[nextLive(units, i + 1, start)]
    if (!isHeadlineCandidate(u, isDatedAnchor(next)) || isMenuItem(units, i, next)) continue
    if (nearest === -1) nearest = i
    if (isAnchor(next) || overAnchor(units, i + 1, start)) anchored = i
  }
  // A title between a dated line and the prose is the headline (the date printed over it), unless the
  // title right over that byline or date is the headline and this one its subtitle; otherwise the title
  // over a byline or date wins over the nearest.
  let prevAt = nearest - 1
  while (prevAt >= 0 && units[prevAt]!.reason !== null) prevAt -= 1
  let topAt = prevAt
  while (topAt >= 0 && (units[topAt]!.reason !== null || isAnchor(units[topAt]))) topAt -= 1
  const subtitle =
    anchored !== -1 &&
    topAt === anchored &&
    !isKickerLike(units[anchored]!) &&
    units[nearest]!.facts.words > units[anchored]!.facts.words
  const directlyAbove =
    nearest !== -1 && nextLive(units, nearest + 1, start) === start && isAnchor(units[prevAt]) && !subtitle
  let headlineAt = anchored === -1 || directlyAbove ? nearest : anchored
  if (headlineAt !== -1) headlineAt = titleOverDeck(units, headlineAt)
  else if (start === run.start && isSentenceHeadline(units, start, run.end)) {
    // No title above the prose: a short sentence opening it, over a much longer paragraph, is the headline.
    headlineAt = start
    start += 1
  }
  if (headlineAt === -1) return null
  // A sentence right under the headline with a byline, date or photo caption after it is the deck.
  if (nextLive(units, headlineAt + 1, start) === start && start < run.end) {
    const first = units[start]!
    const deck = isDeckByPosition(units, start + 1, run.end) || isSummaryOfLead(units, start, run.end)
    if (first.role === null && first.facts.words <= 40 && deck) start += 1
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
    if (keyOf(u).startsWith(key)) u.reason = 'repeated-headline'
    else if (!aboveSeen && isKickerLike(u) && !isInMenu(units, i)) {
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
