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

const MIN_BROKEN_LINE = 12

export function isBulletLine(line: string): boolean {
  return BULLET.test(line)
}

/**
 * A block whose lines were broken at a fixed width: three or more lines, every line but the last close
 * to the longest, and the breaks mostly falling mid-sentence.
 */
function wrapWidth(lines: readonly string[]): number | null {
  if (lines.length < 3) return null
  let max = 0
  for (const l of lines) max = Math.max(max, l.length)
  return max >= 40 && max <= 110 && brokenAtWidth(lines, max) ? max : null
}

/** Every line but the last fills at least 60% of `width`, and most break mid-sentence. */
function brokenAtWidth(lines: readonly string[], width: number): boolean {
  let sentenceEnds = 0
  for (let i = 0; i < lines.length - 1; i += 1) {
    const l = lines[i] ?? ''
    if (l.length < width * 0.6 || l.length > width || isBulletLine(l)) return false
    if (endsLikeSentence(l)) sentenceEnds += 1
  }
  return sentenceEnds <= (lines.length - 1) / 2
}

function continuesLine(prev: string, next: string, wrapped: boolean): boolean {
  if (isBulletLine(next)) return false
  if (STARTS_CLOSING.test(next)) return true
  // A word or two on a line of its own ("Sign in", "von") is a menu item, not the start of a sentence
  // broken across lines: a line breaks mid-sentence only once it is long.
  if (!wrapped && prev.length < MIN_BROKEN_LINE && !/\s/.test(prev.trim())) return false
  if (STARTS_LOWER.test(next)) return true
  if (isBulletLine(prev)) return false
  if (wrapped) return true
  // Titles never end in a comma or a function word; a line that does was broken mid-sentence.
  return !endsLikeSentence(prev) && ENDS_OPEN.test(prev)
}

/** What goes between a line and the next when they join: nothing before closing punctuation or after a
 * hyphen at a line break ("well-\nknown"), else a space. Looks only at the two lines, never the whole unit. */
function joiner(prev: string, next: string): string {
  if (STARTS_CLOSING.test(next)) return ''
  if (/\p{L}-$/u.test(prev.slice(-2)) && STARTS_LOWER.test(next)) return ''
  return ' '
}

/**
 * Splits normalised text into units. `standsAlone(line)` marks lines that must never be joined with a
 * neighbour (icon label runs, template placeholders) so that furniture does not swallow a title.
 */
export function lineUnits(text: string, standsAlone: (line: string) => boolean): LineUnit[] {
  const blocks: string[][] = []
  let current: string[] = []
  for (const line of text.split('\n')) {
    if (line === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) blocks.push(current)

  // A text wrapped at a fixed width shows it in its longer paragraphs; two-line paragraphs of the same
  // text are wrapped at the same width, though two lines alone would not prove it.
  let docWidth = 0
  for (const lines of blocks) docWidth = Math.max(docWidth, wrapWidth(lines) ?? 0)

  const units: LineUnit[] = []
  blocks.forEach((lines, block) => {
    const wrapped =
      wrapWidth(lines) !== null || (docWidth > 0 && lines.length >= 2 && brokenAtWidth(lines, docWidth))
    // Parts are collected and joined once: growing a string and testing it per line would be quadratic.
    let parts: string[] | null = null
    let bullet = false
    let last = ''
    let lastAlone = false
    const flush = () => {
      if (parts) units.push({ text: parts.join(''), block, bullet })
    }
    for (const line of lines) {
      const alone = standsAlone(line)
      if (parts && !alone && !lastAlone && continuesLine(last, line, wrapped)) {
        parts.push(joiner(last, line), line)
      } else {
        flush()
        parts = [line]
        bullet = isBulletLine(line)
      }
      last = line
      lastAlone = alone
    }
    flush()
  })
  return units
}
