/**
 * Blocks -> sentences with stable ids (`p3s2` = paragraph 3, sentence 2; `headlines1`, `decks1`).
 *
 * Intl.Segmenter finds the candidate breaks; a second pass undoes the breaks it makes after
 * abbreviations ("U.S. President", "Mr. Abe", "George W. Bush"). Offsets are UTF-16 code units into the
 * block's text, end exclusive, and never include the spaces around a sentence. Deterministic.
 */
import type { Paragraph, Sentence } from './schema'

// V8's segmenter slows down quadratically on one long string with many breaks, so text is fed to it in
// chunks of this size, cut after a sentence end where possible (the merge pass repairs any other cut).
const CHUNK = 1200

/** Abbreviations that precede a name or number and never end a sentence. */
const TITLE_ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Mx Dr Prof Sen Sens Rep Reps Gov Gen Col Lt Sgt Capt Cmdr Adm Maj Cpl Pvt Rev Hon Pres Supt ' +
    'Insp Det Amb Fr Sr St Ste Mt Ft No Nos Art Fig vs cf ca approx Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct ' +
    'Nov Dec'
  )
    .split(' ')
    .map((w) => `${w}.`),
)
/** Company suffixes and the like, which may or may not end a sentence. */
const AMBIGUOUS_ABBREVIATIONS = new Set(['Inc.', 'Corp.', 'Co.', 'Ltd.', 'Bros.', 'Jr.', 'etc.'])
/** A single initial inside a name: "George W. Bush", "J. K. Rowling". */
const INITIAL = /^\p{Lu}\.$/u
/** Initialisms, which may or may not end a sentence: "U.S.", "a.m.". */
const INITIALISM = /^(?:\p{L}\.){2,}$/u
/** Words that usually open a new sentence; after "U.S." one of these means the sentence did end. */
const SENTENCE_OPENER =
  /^(?:The|A|An|He|She|It|They|We|I|You|His|Her|Its|Their|Our|My|This|That|These|Those|There|Then|But|And|Or|So|Yet|In|On|At|As|After|Before|When|While|If|For|Some|Many|Most|All|Both|One|No|Meanwhile|However|Still|Also|Earlier|Later|Now|Yesterday|Today|Tomorrow|What|Why|How|Who|Where)\b/u

let segmenter: Intl.Segmenter | null | undefined

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'sentence' }) : null
  }
  return segmenter
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 10 ||
    code === 9 ||
    code === 13 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a)
  )
}

/** Where to cut a long text: after whitespace that follows a sentence end, else after any whitespace. */
function chunkEnd(text: string, start: number): number {
  const limit = start + CHUNK
  if (limit >= text.length) return text.length
  let anySpace = -1
  for (let p = limit; p > start + CHUNK / 2; p -= 1) {
    if (!isSpace(text.charCodeAt(p - 1))) continue
    if (/[.!?…"”’)]/.test(text.charAt(p - 2))) return p
    if (anySpace === -1) anySpace = p
  }
  if (anySpace !== -1) return anySpace
  // Never split a surrogate pair.
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit
}

function rawBreaks(text: string): [number, number][] {
  const seg = getSegmenter()
  const out: [number, number][] = []
  for (let start = 0; start < text.length;) {
    const end = chunkEnd(text, start)
    const chunk = text.slice(start, end)
    if (seg) {
      for (const s of seg.segment(chunk)) out.push([start + s.index, start + s.index + s.segment.length])
    } else {
      // No Intl.Segmenter (very old browsers): break after terminal punctuation and spaces.
      const re = /[^.!?…]*(?:[.!?…]+["'”’)\]]*\s*|$)/gu
      for (let m = re.exec(chunk); m !== null && m[0] !== ''; m = re.exec(chunk)) {
        out.push([start + m.index, start + m.index + m[0].length])
      }
    }
    start = end
  }
  return out
}

function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && isSpace(text.charCodeAt(s))) s += 1
  while (e > s && isSpace(text.charCodeAt(e - 1))) e -= 1
  return [s, e]
}

/** Whether the break between `before` and `after` falls after an abbreviation, not a sentence end. */
function isFalseBreak(before: string, after: string): boolean {
  if (/^[\p{Ll}\p{N}]/u.test(after)) return true
  if (!/^["“‘']?\p{Lu}/u.test(after)) return false
  // The last word before the break, without opening quotes or brackets; "Korea-U.S." counts as "U.S.".
  const word = before
    .slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('-')) + 1)
    .replace(/^["“‘'(]+/u, '')
  if (TITLE_ABBREVIATIONS.has(word) || INITIAL.test(word)) return true
  const ambiguous = AMBIGUOUS_ABBREVIATIONS.has(word) || INITIALISM.test(word)
  return ambiguous && !SENTENCE_OPENER.test(after.replace(/^["“‘']/u, ''))
}

/** Sentence ranges [start, end) of one text, trimmed, abbreviation breaks repaired. */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const [rs, re] of rawBreaks(text)) {
    const [s, e] = trimRange(text, rs, re)
    if (s === e) continue
    const last = ranges.at(-1)
    // Only the ends matter, and slicing whole ranges would be quadratic on a run of merged breaks.
    if (
      last &&
      isFalseBreak(text.slice(Math.max(last[0], last[1] - 24), last[1]), text.slice(s, Math.min(e, s + 40)))
    ) {
      last[1] = e
    } else {
      ranges.push([s, e])
    }
  }
  return ranges
}

/** Every block's sentences, in block order. */
export function segmentBlocks(blocks: readonly Paragraph[]): Sentence[] {
  const sentences: Sentence[] = []
  for (const block of blocks) {
    sentenceRanges(block.text).forEach(([start, end], i) => {
      sentences.push({ id: `${block.id}s${i + 1}`, paragraphId: block.id, start, end })
    })
  }
  return sentences
}
