/**
 * Direct quotations: where they are and what kind they are, not who said them (speakers.ts does that).
 *
 * Every function here is a single left-to-right scan over the text; there are no regular expressions with
 * nested quantifiers, so the cost is linear however the quote marks are (un)balanced.
 *
 * Decisions, in one place:
 * - Double marks: straight `"`, curly `“ ”`, low `„`, guillemets `« »`. A mark opens when the next character is
 *   not a space and closes when the previous one is not a space; curly marks used the wrong way round are
 *   read by that flanking rather than by their shape.
 * - Single marks are quote marks only in titles (headline, deck) and in a body that uses no double marks at all
 *   (British style). Even then an apostrophe inside or at the end of a word (`won’t`, `it's`, `Koreas’`) or in
 *   front of a digit (`’90s`) never opens or closes a quote.
 * - An unclosed quote ends at the end of its paragraph at most, and is kept only when the paragraph ends with
 *   sentence punctuation; if the next paragraph reopens with a mark, the quotation continues there (newswire
 *   style). Otherwise the mark is ignored. A new opening mark while a quote is open means the earlier mark was stray, and it is dropped.
 * - Kinds: `scare` for a short quote (at most four words) in a title, unless a speaker is named before it with
 *   a colon; `full` for a quote that fills its paragraph, continues one, or starts with a capital at the start
 *   of a sentence or after a colon, comma or cue verb; `partial` for everything else. speakers.ts also marks a
 *   body quote of at most three words that nobody is cued for as `scare` ("the so-called "deal"").
 */
import { CUE_PARTICIPLES, CUE_VERBS } from './quotes/cue-words'
import { FUNCTION_WORDS, OTHER_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './lexicon-words'
import type { Paragraph, Quote } from './schema'

export type QuoteKind = Quote['kind']

export interface QuoteSpan {
  blockIndex: number
  paragraphId: string
  /** Index of the opening mark's first character. */
  open: number
  /** Index of the closing mark's last character; -1 when the quote runs to the end of its paragraph. */
  close: number
  /** Offsets of the quoted words (marks and surrounding spaces excluded). */
  start: number
  end: number
  text: string
  kind: QuoteKind
  /** Marked with single quotes. */
  single: boolean
  /** Inside another quotation: someone the speaker quotes. */
  nested: boolean
  /** The name of a book, film or programme ("the film "Paper Moons""), not anyone's words. */
  title: boolean
  /** In a transcript ("LEE: Thanks for joining us."): where the speaker's label is, else null. */
  label: { start: number; end: number } | null
  /** Reopens a quotation left open at the end of the previous paragraph (newswire style). */
  continuesFrom: boolean
  /** Left open at the end of its paragraph and reopened at the start of the next. */
  continuesTo: boolean
}

const OPEN_DOUBLE = new Set(['“', '„', '«', '「', '『', '``'])
const CLOSE_DOUBLE = new Set(['”', '»', '」', '』'])
const OPEN_SINGLE = new Set(['‘', '‚', '‹'])

export function isTitleBlock(id: string): boolean {
  return id === 'headline' || id === 'deck'
}

export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return true
  const c = ch.charCodeAt(0)
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

const LETTER = /\p{L}/u
const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u
const DIGIT = /\p{Nd}/u

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const c = ch.charCodeAt(0)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return LETTER.test(ch)
}
export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const c = ch.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER.test(ch)
}
export function isLower(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const c = ch.charCodeAt(0)
  if (c < 128) return c >= 97 && c <= 122
  return LOWER.test(ch)
}
export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const c = ch.charCodeAt(0)
  if (c < 128) return c >= 48 && c <= 57
  return DIGIT.test(ch)
}
function isAlnum(ch: string | undefined): boolean {
  return isLetter(ch) || isDigit(ch)
}

function isDoubleMark(ch: string): boolean {
  const c = ch.charCodeAt(0)
  // " “ ” „ « » 「 」 『 』
  return (
    c === 0x22 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x201e ||
    c === 0xab ||
    c === 0xbb ||
    (c >= 0x300c && c <= 0x300f)
  )
}
/**
 * The double quotation mark at `i`, as its text ('' and `` are two characters wide), or '' when there is
 * none. Two apostrophes or two backticks are one mark, the way some newspapers and TeX-trained writers quote.
 */
function doubleMarkAt(text: string, i: number): string {
  const ch = text[i]!
  if (isDoubleMark(ch)) return ch
  if ((ch === "'" || ch === '`') && text[i + 1] === ch && text[i + 2] !== ch && text[i - 1] !== ch)
    return ch + ch
  return ''
}
function isSingleMark(ch: string): boolean {
  const c = ch.charCodeAt(0)
  // ' ‘ ’ ‚ ‹ ›
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x2039 || c === 0x203a
}
/** A quick filter for the scans: most characters are not any kind of quote mark. */
function mayBeMark(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x60 ||
    c === 0xab ||
    c === 0xbb ||
    (c >= 0x2018 && c <= 0x203a) ||
    (c >= 0x300c && c <= 0x300f)
  )
}

/** The first non-space index at or after `i`, or `text.length`. */
function skipSpaceForward(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i += 1
  return i
}
/** The last non-space index at or before `i`, or -1. */
function skipSpaceBack(text: string, i: number): number {
  while (i >= 0 && isSpace(text[i])) i -= 1
  return i
}

interface RawSpan {
  /** First character of the opening mark. */
  open: number
  /** Last character of the closing mark, or -1 when the quote runs to the end of its paragraph. */
  close: number
  single: boolean
  openWidth: number
  closeWidth: number
}

/**
 * Pairs double marks in one block. Returns closed pairs, plus the index of a mark still open at the end (or
 * -1) and that mark's width.
 */
function pairDoubleMarks(text: string): { pairs: RawSpan[]; dangling: number; danglingWidth: number } {
  const pairs: RawSpan[] = []
  let openAt = -1
  let openMark = ''
  for (let i = 0; i < text.length; i += 1) {
    if (!mayBeMark(text.charCodeAt(i))) continue
    const mark = doubleMarkAt(text, i)
    if (mark === '') continue
    const w = mark.length
    const prev = text[i - 1]
    const next = text[i + w]
    const canOpen = !isSpace(next) && !isDoubleMark(next ?? ' ')
    // A mark after a space closes when a closing single mark or punctuation ends the words before it
    // ("... like, 'Oh, this is important,' " Lee said).
    const canClose = (!isSpace(prev) && i > 0) || (isSpace(next) && closesAfterSpace(text, i - 1))
    if (openAt >= 0) {
      let closes: boolean
      if (CLOSE_DOUBLE.has(mark)) closes = true
      else if (OPEN_DOUBLE.has(mark))
        closes = (canClose && !canOpen && mark !== '``') || (openMark === '„' && mark === '“')
      // Two apostrophes close a quotation opened with two backticks or two apostrophes, never a double mark.
      else if (mark === "''") closes = canClose && (openMark === '``' || openMark === "''")
      else closes = canClose && openMark !== '``' && openMark !== "''"
      if (closes) {
        pairs.push({
          open: openAt,
          close: i + w - 1,
          single: false,
          openWidth: openMark.length,
          closeWidth: w,
        })
        openAt = -1
      } else if (canOpen && (mark !== "''" || !isAlnum(prev))) {
        // A second opening mark: the first was stray (an odd count); start again from here.
        openAt = i
        openMark = mark
      }
    } else {
      let opens: boolean
      // French typography puts a space inside guillemets: « nous restons ».
      if (OPEN_DOUBLE.has(mark)) opens = canOpen || (mark === '«' && i + w < text.length)
      else if (CLOSE_DOUBLE.has(mark)) opens = canOpen && !canClose
      // A straight mark glued to a word or a digit on its left (`5"`, `word"s`) is not an opening mark.
      else opens = canOpen && !isAlnum(prev)
      if (opens) {
        openAt = i
        openMark = mark
      }
    }
    i += w - 1
  }
  return { pairs, dangling: openAt, danglingWidth: openMark.length }
}

function closesAfterSpace(text: string, i: number): boolean {
  const k = skipSpaceBack(text, i)
  if (k < 0 || k === i) return false
  const ch = text[k]!
  return ch === '’' || ch === "'" || ch === ',' || TERMINAL.has(ch)
}

/**
 * Pairs single marks in one block, between `from` and `to`, outside the `skip` spans. Never leaves a quote
 * open: a single mark without its partner is an apostrophe.
 */
function pairSingleMarks(text: string, skip: readonly RawSpan[], from = 0, to = text.length): RawSpan[] {
  const pairs: RawSpan[] = []
  let openAt = -1
  let openCh = ''
  // A closing mark that may be a plural possessive ("'the Koreas’ future'"): kept until a later closing mark
  // replaces it or the quotation cannot go on.
  let tentative = -1
  const commit = () => {
    if (openAt >= 0 && tentative >= 0 && tentative - openAt > 2) {
      pairs.push({ open: openAt, close: tentative, single: true, openWidth: 1, closeWidth: 1 })
    }
    openAt = -1
    tentative = -1
  }
  let skipIndex = 0
  for (let i = from; i < to; i += 1) {
    while (skipIndex < skip.length && skip[skipIndex]!.close < i) skipIndex += 1
    const inside = skip[skipIndex]
    if (inside && inside.open <= i && i <= inside.close) {
      // Single marks inside a double-quoted passage are nested quotes or apostrophes, never top-level quotes.
      commit()
      i = inside.close
      continue
    }
    if (!mayBeMark(text.charCodeAt(i))) continue
    const ch = text[i]!
    if (!isSingleMark(ch)) continue
    const prev = i > from ? text[i - 1] : undefined
    const next = i + 1 < to ? text[i + 1] : undefined
    // Opens only at a word boundary and before a letter: `’90s`, `rock 'n' roll` style clippings stay apostrophes.
    const canOpen =
      ch !== '›' && !isAlnum(prev) && isLetter(next) && (prev === undefined || !isSingleMark(prev))
    if (openAt >= 0 && tentative >= 0 && canOpen) commit()
    if (openAt < 0) {
      if (canOpen) {
        openAt = i
        openCh = ch
      }
      continue
    }
    // Closes only where a word ends: never inside a word (`won’t`, `it's`). A German low mark closes with ‘.
    const closer = !OPEN_SINGLE.has(ch) || (openCh === '‚' && ch === '‘')
    if (!closer || isSpace(prev) || isAlnum(next)) continue
    const possessiveLike = (prev === 's' || prev === 'S') && isSpace(next) && isLetter(text[i + 2])
    if (possessiveLike) {
      // Of two possessive-looking marks the first is the likelier end; a plain closing mark later wins.
      if (tentative < 0) tentative = i
      continue
    }
    tentative = i
    commit()
  }
  commit()
  return pairs
}

/**
 * Quotations inside quotations ("My mother said, 'Never trust him,' and she was right"): single-marked
 * passages of two words or more inside a double-quoted one. One word ('no') is a term, not a quotation.
 */
function nestedSpans(text: string, outer: readonly RawSpan[]): RawSpan[] {
  const out: RawSpan[] = []
  for (const span of outer) {
    if (span.single) continue
    const to = span.close < 0 ? text.length : span.close - span.closeWidth + 1
    for (const inner of pairSingleMarks(text, [], span.open + span.openWidth, to)) {
      if (countWords(text, inner.open + 1, inner.close) >= 2) out.push(inner)
    }
  }
  return out
}

function countWords(text: string, start: number, end: number): number {
  let words = 0
  let inWord = false
  for (let i = start; i < end; i += 1) {
    const w = !isSpace(text[i])
    if (w && !inWord) words += 1
    inWord = w
  }
  return words
}

const TERMINAL = new Set(['.', '?', '!', '…'])

/** True when the content ends like a sentence (`.`, `?`, `!`, `…`, optionally followed by a bracket). */
function endsSentence(text: string, end: number): boolean {
  let i = end - 1
  while (i >= 0 && (text[i] === ')' || text[i] === ']')) i -= 1
  return i >= 0 && TERMINAL.has(text[i]!)
}

/** The lowercase word that ends at `i` (inclusive), used to see whether a cue verb stands before a quote. */
function wordEndingAt(text: string, i: number): string {
  let s = i
  while (s >= 0 && isLetter(text[s])) s -= 1
  return text.slice(s + 1, i + 1).toLowerCase()
}

function classify(
  text: string,
  span: RawSpan,
  start: number,
  end: number,
  title: boolean,
  continuesFrom: boolean,
): QuoteKind {
  if (continuesFrom) return 'full'
  const before = skipSpaceBack(text, span.open - 1)
  const prevCh = before >= 0 ? text[before] : undefined
  if (title && countWords(text, start, end) <= 4 && prevCh !== ':' && !speakerLabel(text)) return 'scare'
  const closeEnd = span.close < 0 ? text.length : span.close + 1
  let after = skipSpaceForward(text, closeEnd)
  while (after < text.length && (TERMINAL.has(text[after]!) || text[after] === ',')) after += 1
  if (before < 0 && skipSpaceForward(text, after) >= text.length) return 'full'
  let first = start
  while (first < end && !isAlnum(text[first])) first += 1
  if (isLower(text[first])) {
    // The second half of an interrupted quotation ("We must," Moon said, "but ...") continues a full one.
    if (prevCh === ',') {
      const word = wordEndingAt(text, skipSpaceBack(text, before - 1))
      if (CUE_VERBS.has(word)) return 'full'
    }
    return 'partial'
  }
  if (prevCh === undefined || prevCh === ':' || prevCh === ',' || prevCh === '(' || prevCh === '—')
    return 'full'
  if (prevCh === '–' || prevCh === ';' || TERMINAL.has(prevCh) || isDoubleMark(prevCh)) return 'full'
  const word = wordEndingAt(text, before)
  if (CUE_VERBS.has(word) || CUE_PARTICIPLES.has(word)) return 'full'
  return 'partial'
}

/** A title that opens with a speaker's name and a colon: "Lee: Budget 'dead on arrival'". */
function speakerLabel(text: string): boolean {
  let words = 0
  let i = skipSpaceForward(text, 0)
  while (i < text.length && words < 3) {
    if (!isUpper(text[i])) return false
    while (i < text.length && (isLetter(text[i]) || text[i] === '-' || text[i] === '.')) i += 1
    words += 1
    if (text[i] === ':') return true
    if (!isSpace(text[i])) return false
    i = skipSpaceForward(text, i)
  }
  return false
}

/**
 * Whether quoted words read as the name of a work rather than speech: up to eight words in title case (every
 * word of four letters or more capitalised, two capitals at least), not ending a sentence, and not introduced
 * by a colon.
 */
function looksLikeTitle(text: string, span: RawSpan, start: number, end: number): boolean {
  let e = end
  while (e > start && text[e - 1] === ',') e -= 1
  if (e <= start || TERMINAL.has(text[e - 1]!) || text[e - 1] === ':') return false
  if (text[skipSpaceBack(text, span.open - 1)] === ':') return false
  let words = 0
  let capitals = 0
  let i = start
  while (i < e) {
    while (i < e && isSpace(text[i])) i += 1
    const w0 = i
    let letters = 0
    while (i < e && !isSpace(text[i])) {
      if (isLetter(text[i])) letters += 1
      i += 1
    }
    if (i === w0) break
    words += 1
    if (words > 8) return false
    const capital = isUpper(text[w0]) || isDigit(text[w0])
    if ((words === 1 || letters >= 4) && !capital) return false
    if (capital) capitals += 1
  }
  return capitals >= 2
}

function trimmedRange(text: string, from: number, to: number): [number, number] {
  let s = from
  let e = to
  while (s < e && isSpace(text[s])) s += 1
  while (e > s && isSpace(text[e - 1])) e -= 1
  return [s, e]
}

function opensWithMark(text: string): boolean {
  const i = skipSpaceForward(text, 0)
  if (i >= text.length) return false
  const mark = doubleMarkAt(text, i)
  if (mark === '') return false
  return !CLOSE_DOUBLE.has(mark) || !isSpace(text[i + 1])
}

function isCapitalWord(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false
  for (let i = from; i < to; i += 1) {
    const ch = text[i]!
    if (!isUpper(ch) && ch !== '.' && ch !== '-' && ch !== "'" && ch !== '’') return false
  }
  return true
}

/** Past a title abbreviation that opens a label ("SEN. ABEL THORNQUIST:" names Abel Thornquist). */
function afterTitle(text: string, start: number, end: number): number {
  const dot = text.indexOf('. ', start)
  if (dot < 0 || dot >= end) return start
  return TITLE_ABBREVIATIONS.has(text.slice(start, dot).toLowerCase())
    ? skipSpaceForward(text, dot + 1)
    : start
}

/**
 * A transcript turn's label: one to four words in capitals, perhaps ", HOST", then a colon and the words
 * ("LEE: Will you vote for the bill?", "MICHEL ADAMS, HOST: The bridge closed"). Returns the name's range and
 * the colon's index.
 */
function transcriptLabel(text: string): { start: number; end: number; colon: number } | null {
  const start = skipSpaceForward(text, 0)
  let i = start
  let nameEnd = -1
  let words = 0
  let inRole = false
  while (i < text.length && words < 6) {
    const w0 = i
    while (i < text.length && !isSpace(text[i]) && text[i] !== ':' && text[i] !== ',') i += 1
    if (!isCapitalWord(text, w0, i)) return null
    words += 1
    if (!inRole) nameEnd = i
    if (text[i] === ':') {
      return isSpace(text[i + 1]) &&
        skipSpaceForward(text, i + 1) < text.length &&
        words - (inRole ? 1 : 0) <= 4
        ? { start: afterTitle(text, start, nameEnd), end: nameEnd, colon: i }
        : null
    }
    if (text[i] === ',') {
      if (inRole) return null
      inRole = true
      i += 1
    }
    if (!isSpace(text[i])) return null
    i = skipSpaceForward(text, i)
  }
  return null
}

/** Transcript turns, when at least two body paragraphs open with a speaker's label. */
function transcriptLabels(blocks: readonly Paragraph[]): (ReturnType<typeof transcriptLabel> | null)[] {
  const labels = blocks.map((b) => (isTitleBlock(b.id) ? null : transcriptLabel(b.text)))
  return labels.filter((l) => l !== null).length >= 2 ? labels : blocks.map(() => null)
}

/** Every direct quotation in the blocks, in reading order. */
export function findQuotes(blocks: readonly Paragraph[]): QuoteSpan[] {
  const labels = transcriptLabels(blocks)
  // British-style bodies quote with single marks; decide once per article so an apostrophe-heavy body that
  // quotes with double marks never gets single-quote pairing.
  let bodyUsesDouble = false
  for (const block of blocks) {
    if (isTitleBlock(block.id)) continue
    const text = block.text
    for (let i = 0; i < text.length && !bodyUsesDouble; i += 1) {
      const c = text.charCodeAt(i)
      if (mayBeMark(c) && doubleMarkAt(text, i) !== '') bodyUsesDouble = true
    }
    if (bodyUsesDouble) break
  }

  const out: QuoteSpan[] = []
  let previousContinues = false
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b]!
    const text = block.text
    const title = isTitleBlock(block.id)
    const { pairs, dangling, danglingWidth } = pairDoubleMarks(text)
    let spans: RawSpan[] = pairs
    if (title || !bodyUsesDouble) {
      const singles = pairSingleMarks(text, pairs)
      if (singles.length > 0) spans = [...pairs, ...singles].sort((x, y) => x.open - y.open)
    }
    let continuesTo = false
    if (dangling >= 0) {
      const next = blocks[b + 1]
      const [s, e] = trimmedRange(text, dangling + danglingWidth, text.length)
      const reopened = !title && next !== undefined && !isTitleBlock(next.id) && opensWithMark(next.text)
      if (e > s && endsSentence(text, e) && (reopened || countWords(text, s, e) >= 2)) {
        const open: RawSpan = {
          open: dangling,
          close: -1,
          single: false,
          openWidth: danglingWidth,
          closeWidth: 0,
        }
        spans = [...spans.filter((x) => x.open < dangling), open]
        continuesTo = reopened
      }
    }
    const label = labels[b] && spans.length === 0 ? labels[b] : null
    if (label) spans = [{ open: label.colon, close: -1, single: false, openWidth: 1, closeWidth: 0 }]
    const nested = nestedSpans(text, spans)
    if (nested.length > 0) spans = [...spans, ...nested].sort((x, y) => x.open - y.open)
    const firstOpen = skipSpaceForward(text, 0)
    for (const span of spans) {
      const contentEnd = span.close < 0 ? text.length : span.close - span.closeWidth + 1
      const [start, end] = trimmedRange(text, span.open + span.openWidth, contentEnd)
      if (end <= start) continue
      const continuesFrom = previousContinues && span.open === firstOpen
      const kind = label ? 'full' : classify(text, span, start, end, title, continuesFrom)
      out.push({
        blockIndex: b,
        paragraphId: block.id,
        open: span.open,
        close: span.close,
        start,
        end,
        text: text.slice(start, end),
        kind,
        single: span.single,
        nested: nested.includes(span),
        title: !title && !label && looksLikeTitle(text, span, start, end),
        label: label && span.open === label.colon ? { start: label.start, end: label.end } : null,
        continuesFrom,
        continuesTo: span.close < 0 && continuesTo,
      })
    }
    previousContinues = continuesTo
  }
  return out
}

/**
 * Where sentences start inside one block (indices, ascending, never 0), outside quotations: after `.`, `?`, `!`
 * or `…` followed by a space and a capital, a digit or an opening mark, unless the full stop ends a title
 * abbreviation ("Mr.", "Gen.") or a middle initial, or an initialism is followed by a word that could continue
 * a name ("U.S. President", "U.S. Navy"). A
 * quotation that ends with sentence punctuation ends the sentence when a capital follows it.
 */
export function findSentenceStarts(
  text: string,
  quotes: readonly { open: number; close: number; end: number }[],
): number[] {
  const starts: number[] = []
  let q = 0
  for (let i = 0; i < text.length; i += 1) {
    // A quotation inside one already jumped over is passed by.
    while (q < quotes.length && quotes[q]!.open < i) q += 1
    const quote = quotes[q]
    if (quote && i >= quote.open) {
      // Jump over the quotation; a sentence may end at its closing mark.
      if (quote.close < 0) break
      i = quote.close
      q += 1
      const j = quote.end - 1
      if (TERMINAL.has(text[j]!) && text[j] !== ',') {
        const n = skipSpaceForward(text, i + 1)
        if (n > i + 1 && n < text.length && startsSentence(text, n)) starts.push(n)
      }
      continue
    }
    const c = text.charCodeAt(i)
    // . ? ! …
    if (c !== 46 && c !== 63 && c !== 33 && c !== 0x2026) continue
    const ch = text[i]!
    let k = i + 1
    while (k < text.length && (TERMINAL.has(text[k]!) || text[k] === ')' || text[k] === ']')) k += 1
    const n = skipSpaceForward(text, k)
    const ends =
      n > k && n < text.length && startsSentence(text, n) && (ch !== '.' || periodEndsSentence(text, i, n))
    if (ends) starts.push(n)
    // Continue after the run of punctuation, so "......" is read once, not once per stop.
    i = (ends ? n : k) - 1
  }
  return starts
}

function startsSentence(text: string, n: number): boolean {
  const c = text[n]
  return isUpper(c) || isDigit(c) || (c !== undefined && (isDoubleMark(c) || c === '‘' || c === '('))
}

function periodEndsSentence(text: string, dot: number, next: number): boolean {
  let s = dot - 1
  while (s >= 0 && (isLetter(text[s]) || text[s] === '.')) s -= 1
  const word = text.slice(s + 1, dot)
  const lower = word.toLowerCase()
  if (TITLE_ABBREVIATIONS.has(lower)) return false
  // A single capital between capitalised words is a middle initial ("John F. Kennedy").
  if (word.length === 1 && isUpper(word)) return false
  // Initialisms: "U.S. Navy ..." continues, "... in the U.S. The ..." ends: only a word that cannot be part
  // of a name ("The", "But", "He") starts a new sentence after one.
  if (word.includes('.') || OTHER_ABBREVIATIONS.has(lower)) {
    let e = next
    while (e < text.length && isLetter(text[e])) e += 1
    return FUNCTION_WORDS.has(text.slice(next, e).toLowerCase())
  }
  return true
}
