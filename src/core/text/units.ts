/**
 * Stage 1 of the raw-text path: scraped text -> paragraph-sized units with cheap facts, the furniture
 * rules that need neighbours, and the shape tests (label, kicker, title, prose) later stages share.
 */
import { readDateLine } from '../text-dates'
import {
  furnitureReason,
  isBannerButton,
  isPromotional,
  isSponsoredHeading,
  standsAloneAsFurniture,
  unitFacts,
  type RemovalReason,
  type UnitFacts,
} from '../text-furniture'
import { lineUnits } from '../text-lines'
import { readByline, type CaptionRead } from '../text-structure'
import { isSentence, wordsOf } from './main-run'

export type Role =
  | { kind: 'date'; date: string | null; column: string | null }
  | { kind: 'byline'; byline: string; published: string | null; dateline: string | null }
  | { kind: 'credits'; byline: string }
  | { kind: 'caption'; caption: CaptionRead }
  | { kind: 'signature'; byline: string; dateline: string }

export type Unit = {
  text: string
  bullet: boolean
  facts: UnitFacts
  reason: RemovalReason | null
  role: Role | null
  key?: string
}

/** Article prose: a sentence of some length that is not selling anything. */
export function isBodyLike(u: Unit): boolean {
  return u.reason === null && u.role === null && isSentence(u) && wordsOf(u) >= 8
}

/** Long enough prose that, after a tail heading, the article must be continuing. */
export function isSolidProse(u: Unit): boolean {
  return (
    isSentence(u) &&
    wordsOf(u) >= 20 &&
    !isPromotional(u.text, u.facts) &&
    furnitureReason(u.text, u.facts) === null
  )
}

/** Comparison key for repeated lines: case, spacing and punctuation do not make a line different. */
export function repeatKey(text: string): string {
  // Spaces and ASCII, Latin-1 and general punctuation; a non-Unicode pattern, as this runs on every unit.
  return text.toLowerCase().replace(/[\s!-/:-@[-`{-~\u00a1-\u00bf\u2010-\u2027\u2030-\u205e]+/g, '')
}

/** The unit's repeat key, computed once: several passes compare units by it. */
export function keyOf(u: Unit): string {
  return (u.key ??= repeatKey(u.text))
}

const SMALL_WORDS = /^(?:a|an|and|as|at|by|for|in|of|on|or|the|to|vs\.?|v\.?|with|from|&)$/

/** A short label in Title Case or capitals, such as a section or column name, not a headline. */
export function isLabelLike(text: string, facts: UnitFacts): boolean {
  if (facts.words > 6 || text.length > 50 || facts.sentence || facts.quoted || text.includes(','))
    return false
  return text.split(' ').every((w) => SMALL_WORDS.test(w) || /^[\p{Lu}\p{N}]/u.test(w))
}

/** A kicker: a short label without a full stop, quotes or commas ("World news", "NORTH KOREA CRISIS"). */
export function isKickerLike(u: Unit): boolean {
  const f = u.facts
  return f.words <= 5 && u.text.length <= 50 && !f.sentence && !f.quoted && !u.text.includes(',')
}

export function isTitleLike(u: Unit): boolean {
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

export function makeUnits(text: string): Unit[] {
  // Short labels ("SKIP ADVERTISEMENT", "Share page", "Supported by") never join a neighbour either.
  const standsAlone = (line: string): boolean =>
    standsAloneAsFurniture(line) ||
    (line.length <= 40 && LABEL_REASONS.has(furnitureReason(line))) ||
    // "Sign in", "Subscribe": a menu's prompt, even when it ends in a word a broken sentence ends in.
    (line.length <= 20 && furnitureReason(line) === 'promotion') ||
    readDateLine(line) !== null ||
    readByline(line) !== null
  return lineUnits(text.replace(DATE_LABEL_LINE, '$1 '), standsAlone).map((u) => {
    const facts = unitFacts(u.text)
    return { text: u.text, bullet: u.bullet, facts, reason: furnitureReason(u.text, facts), role: null }
  })
}

/** Rules that need neighbours: cookie buttons, benefit lists, sponsored blocks. */
export function applyContextRules(units: Unit[]): void {
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
  // A breadcrumb trail glued to the headline ("HomeWORLD NEWSLeaders agree ...") over the headline itself:
  // a line that is a short trail and then the whole of the next one is navigation (a paragraph ending
  // with the words of a pull quote after it has far more before them).
  for (let i = 0; i + 1 < units.length; i += 1) {
    const u = units[i]!
    const next = units[i + 1]!
    if (u.reason !== null || next.reason !== null || u.facts.words > 40) continue
    const key = keyOf(next)
    const trail = keyOf(u).length - key.length
    if (key.length >= 12 && trail > 0 && trail <= 60 && keyOf(u).endsWith(key)) u.reason = 'navigation'
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
