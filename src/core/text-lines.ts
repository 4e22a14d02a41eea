/**
 * Lines -> paragraph-sized units. Scraped text arrives in two shapes: paragraphs separated by blank
 * lines (often hard-wrapped), and one paragraph per line with no blank lines at all. A line joins the
 * one before it only when it visibly continues it; otherwise each line is its own unit.
 */
import { endsLikeSentence } from './text-furniture'

export type LineUnit = {
  text: string
  /** Index of the blank-line-separated block the unit came from. */
  block: number
  /** Written as a list item ("• Read all stories"). */
  bullet: boolean
}

const BULLET = /^[•·▪‣◦●○■□➤►✓✔*–-]\s/u
const STARTS_LOWER = /^\p{Ll}/u
const STARTS_CLOSING = /^[.,;:!?)\]}…’”»%]/u
const ENDS_OPEN =
  /(?:[,;(&–—-]|\b(?:and|or|but|of|the|a|an|to|in|on|for|with|by|at|from|as|that|than|which|who)\b)$/iu

export function isBulletLine(line: string): boolean {
  return BULLET.test(line)
}

/** Reads most like running prose: most words start lower-case (a Title Case line is a title or a label). */
function isProseLike(line: string): boolean {
  const words = line.split(' ')
  if (words.length < 8) return false
  let lower = 0
  for (const w of words) if (STARTS_LOWER.test(w)) lower += 1
  return lower / words.length >= 0.5
}

/**
 * A block whose lines were broken at a fixed width: three or more lines, every line but the last close
 * to the longest, and the breaks mostly falling mid-sentence.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 3) return false
  let max = 0
  for (const l of lines) max = Math.max(max, l.length)
  if (max < 40 || max > 110) return false
  let sentenceEnds = 0
  for (let i = 0; i < lines.length - 1; i += 1) {
    const l = lines[i] ?? ''
    if (l.length < max * 0.6 || isBulletLine(l)) return false
    if (endsLikeSentence(l)) sentenceEnds += 1
  }
  return sentenceEnds <= (lines.length - 1) / 2
}

function continuesLine(prev: string, next: string, wrapped: boolean): boolean {
  if (isBulletLine(next)) return false
  if (STARTS_LOWER.test(next) || STARTS_CLOSING.test(next)) return true
  if (isBulletLine(prev)) return false
  if (wrapped) return true
  if (endsLikeSentence(prev)) return false
  return ENDS_OPEN.test(prev) || isProseLike(prev)
}

function joinLines(a: string, b: string): string {
  if (STARTS_CLOSING.test(b)) return a + b
  if (/\p{L}-$/u.test(a) && STARTS_LOWER.test(b)) return a + b
  return `${a} ${b}`
}

/**
 * Splits normalised text into units. `standsAlone(line)` marks lines that must never be joined with a
 * neighbour (icon label runs, template placeholders) so that furniture does not swallow a title.
 */
export function lineUnits(text: string, standsAlone: (line: string) => boolean): LineUnit[] {
  const units: LineUnit[] = []
  const lines = text.split('\n')
  let block = 0
  let start = 0
  const flush = (end: number) => {
    const blockLines = lines.slice(start, end)
    if (blockLines.length > 0) {
      const wrapped = isHardWrapped(blockLines)
      let current: LineUnit | null = null
      let last = ''
      let lastAlone = false
      for (const line of blockLines) {
        const alone = standsAlone(line)
        if (current && !alone && !lastAlone && continuesLine(last, line, wrapped)) {
          current.text = joinLines(current.text, line)
        } else {
          current = { text: line, block, bullet: isBulletLine(line) }
          units.push(current)
        }
        last = line
        lastAlone = alone
      }
      block += 1
    }
  }
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] === '') {
      flush(i)
      start = i + 1
    }
  }
  flush(lines.length)
  return units
}
