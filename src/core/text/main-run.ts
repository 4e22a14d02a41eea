/**
 * The article's body on a scraped page is its longest dense run of sentence-like lines (the idea behind
 * jusText and trafilatura's text-density rules): prose scores by its length, while short title-like
 * lines without a full stop (menus, teaser lists, topic links) and furniture cost a little each, so a
 * run of them separates the article from what is around it. Structure (bylines, dates, captions)
 * neither helps nor breaks a run. The best run is the maximum-sum stretch of those scores.
 */
import type { UnitFacts } from '../text-furniture'

export type RunUnit = {
  text: string
  facts: UnitFacts
  /** Furniture already recognised. */
  furniture: boolean
  /** A structural line (byline, date, caption): neutral. */
  structural: boolean
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g
const CJK_ANY = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/
const CJK_STOP = /[。！？」』）]$/u

/** Words, with scripts written without spaces (Chinese, Japanese) counted as one per two characters. */
export function wordsOf(u: { text: string; facts: UnitFacts }): number {
  if (u.text.charCodeAt(0) < 0x3000 && !CJK_ANY.test(u.text)) return u.facts.words
  const cjk = u.text.match(CJK)?.length ?? 0
  return u.facts.words + Math.floor(cjk / 2)
}

/** Ends like a sentence, in Latin punctuation or in the full stops of scripts written without spaces. */
export function isSentence(u: { text: string; facts: UnitFacts }): boolean {
  return u.facts.sentence || CJK_STOP.test(u.text)
}

/** What one unit adds to a run: prose its word count, short lines and furniture a fixed cost. */
function unitScore(u: RunUnit): number {
  if (u.structural) return 0
  if (u.furniture) return -6
  const words = wordsOf(u)
  const sentence = isSentence(u)
  // A short question or exclamation is as likely a headline as prose.
  if (sentence && words < 15 && /[?!]["'”’»)\]]{0,3}$/u.test(u.text)) return 0
  if (sentence && words >= 8) return words
  if (words >= 25) return words / 2
  // Short sentences, and short quoted speech ("Keep going."), are neither prose nor a menu item.
  if (sentence && (words >= 4 || u.facts.quoted)) return 0
  return -4
}

export type MainRun = { start: number; end: number; score: number }

/** Indexes [start, end] of the best-scoring run, or null when the page has no prose at all. */
export function findMainRun(units: readonly RunUnit[]): MainRun | null {
  let best: MainRun | null = null
  let sum = 0
  let start = 0
  for (let i = 0; i < units.length; i += 1) {
    const s = unitScore(units[i]!)
    if (sum <= 0) {
      if (s <= 0) continue
      sum = 0
      start = i
    }
    sum += s
    if (best === null || sum > best.score) best = { start, end: i, score: sum }
  }
  // Short sentences closing the article ("Talks resume on Monday.") add nothing but belong to it.
  while (best !== null && best.end + 1 < units.length && unitScore(units[best.end + 1]!) === 0) best.end += 1
  return best
}
