/**
 * Text-quote selectors for deep links to any passage a reader selects.
 *
 * A selector follows W3C Web Annotation's TextQuoteSelector (`exact` text with a short `prefix` and
 * `suffix`) combined with a TextPositionSelector (`start`/`end`) scoped to one block (`paragraphId`).
 * Offsets are UTF-16 code units, like every offset in the data contract; `end` is exclusive.
 *
 * Resolution is fuzzy so that a shared link keeps working after small edits to the article: the
 * exact text at the recorded position wins; otherwise the exact text elsewhere (scored by how well the
 * prefix and suffix match and how close it is); otherwise an approximate match within an edit budget
 * (Myers' bit-parallel algorithm, linear in the article's length); otherwise `null`, which the reader
 * turns into "this passage is no longer in the article".
 *
 * Pure: no DOM or Node APIs (TextEncoder/TextDecoder exist in browsers, workers and Node alike).
 */
import * as v from 'valibot'
import { blockIdSchema } from './schema'

/** Characters of context kept on each side of the selected text. */
export const CONTEXT_LENGTH = 32
/**
 * Longest selected text a link carries. Longer selections are cut here so that a link stays well
 * under the 8 kB request lines that servers (nginx included) accept by default.
 */
export const MAX_EXACT_LENGTH = 1000
/** Longest encoded selector `decodeSelector` looks at; anything longer is rejected unread. */
export const MAX_ENCODED_LENGTH = 6000
/** Share of the selected text that may have changed for a fuzzy match to count (edit distance). */
export const MAX_ERROR_RATE = 0.2

const FORMAT_VERSION = '1'
const MAX_OFFSET = 10_000_000

export type TextSelector = {
  paragraphId: string
  /** The selected text, exactly as it was. */
  exact: string
  /** Up to CONTEXT_LENGTH characters before `exact` in the same paragraph ('' at its start). */
  prefix: string
  /** Up to CONTEXT_LENGTH characters after `exact` in the same paragraph ('' at its end). */
  suffix: string
  start: number
  end: number
}

export type SelectorDecodeError = 'empty' | 'too-long' | 'unsupported-version' | 'malformed'

export type DecodedSelector = { ok: true; selector: TextSelector } | { ok: false; error: SelectorDecodeError }

export type ResolvedSelector = {
  paragraphId: string
  start: number
  end: number
  /** True when the selected text was found unchanged; false for an approximate (edited) match. */
  exactMatch: boolean
}

export type SelectablePassage = { id: string; text: string }

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Moves an offset off the middle of a surrogate pair (towards `direction`) so no half characters leak out. */
function snapToCodePoint(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset
  if (isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) {
    return offset + direction
  }
  return offset
}

function isSpace(code: number): boolean {
  // Whitespace a reader's selection typically drags along at its edges.
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x2009
}

/**
 * A selector for `text.slice(start, end)` inside the block `paragraphId`, or `null` when the range is
 * empty (a collapsed selection, or only whitespace). Offsets are clamped to the text, swapped if
 * reversed, trimmed of surrounding whitespace, widened to whole characters, and the selected text is
 * cut at MAX_EXACT_LENGTH.
 */
export function createSelector(
  text: string,
  start: number,
  end: number,
  paragraphId: string,
): TextSelector | null {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), text.length) : 0)
  let from = Math.min(clamp(start), clamp(end))
  let to = Math.max(clamp(start), clamp(end))
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  if (from === to) return null
  from = snapToCodePoint(text, from, -1)
  to = snapToCodePoint(text, Math.min(to, from + MAX_EXACT_LENGTH), to - from > MAX_EXACT_LENGTH ? -1 : 1)
  const prefixStart = snapToCodePoint(text, Math.max(0, from - CONTEXT_LENGTH), 1)
  const suffixEnd = snapToCodePoint(text, Math.min(text.length, to + CONTEXT_LENGTH), -1)
  return {
    paragraphId,
    exact: text.slice(from, to),
    prefix: text.slice(prefixStart, from),
    suffix: text.slice(to, suffixEnd),
    start: from,
    end: to,
  }
}

// ---------------------------------------------------------------------------------------------------
// Encoding: "1." + base64url(UTF-8(JSON [paragraphId, start, prefix, exact, suffix])).
// base64url uses only letters, digits, "-" and "_": URLSearchParams leaves them alone (no %-escapes),
// and chat apps' link detection never trims them off the end the way it trims "." or ")".
// `end` is not stored: it is always start + exact.length.
// ---------------------------------------------------------------------------------------------------

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64_LOOKUP = (() => {
  const table = new Int16Array(128).fill(-1)
  for (let i = 0; i < B64_ALPHABET.length; i++) table[B64_ALPHABET.charCodeAt(i)] = i
  return table
})()

function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out +=
      B64_ALPHABET[n >> 18]! +
      B64_ALPHABET[(n >> 12) & 63]! +
      B64_ALPHABET[(n >> 6) & 63]! +
      B64_ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += B64_ALPHABET[n >> 18]! + B64_ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += B64_ALPHABET[n >> 18]! + B64_ALPHABET[(n >> 12) & 63]! + B64_ALPHABET[(n >> 6) & 63]!
  }
  return out
}

/** Strict base64url (no padding) to bytes; null for any character outside the alphabet or a bad length. */
function fromBase64Url(input: string): Uint8Array | null {
  if (input.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((input.length * 3) / 4))
  let acc = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i)
    const value = code < 128 ? B64_LOOKUP[code]! : -1
    if (value < 0) return null
    acc = ((acc << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[o++] = (acc >> bits) & 0xff
    }
  }
  // Leftover bits must be zero, so every selector has exactly one encoding.
  if ((acc & ((1 << bits) - 1)) !== 0) return null
  return bytes.subarray(0, o)
}

// Strict: a tuple with extra items is tampered with, and every selector keeps exactly one encoding.
const selectorTupleSchema = v.strictTuple([
  blockIdSchema,
  v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_OFFSET)),
  v.pipe(v.string(), v.maxLength(CONTEXT_LENGTH)),
  v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_EXACT_LENGTH)),
  v.pipe(v.string(), v.maxLength(CONTEXT_LENGTH)),
])

/** The compact, URL-safe form of a selector for `?sel=`. Decode with `decodeSelector`. */
export function encodeSelector(selector: TextSelector): string {
  const tuple = [selector.paragraphId, selector.start, selector.prefix, selector.exact, selector.suffix]
  return `${FORMAT_VERSION}.${toBase64Url(new TextEncoder().encode(JSON.stringify(tuple)))}`
}

/**
 * Reads a `?sel=` value. Never throws: anything empty, oversized, truncated, tampered with or from an
 * unknown format version comes back as `{ ok: false, error }`.
 */
export function decodeSelector(param: string | null | undefined): DecodedSelector {
  if (typeof param !== 'string' || param.length === 0) return { ok: false, error: 'empty' }
  if (param.length > MAX_ENCODED_LENGTH) return { ok: false, error: 'too-long' }
  const dot = param.indexOf('.')
  if (dot < 1) return { ok: false, error: 'malformed' }
  if (param.slice(0, dot) !== FORMAT_VERSION) return { ok: false, error: 'unsupported-version' }
  const bytes = fromBase64Url(param.slice(dot + 1))
  if (!bytes || bytes.length === 0) return { ok: false, error: 'malformed' }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { ok: false, error: 'malformed' }
  }
  const parsed = v.safeParse(selectorTupleSchema, json)
  if (!parsed.success) return { ok: false, error: 'malformed' }
  const [paragraphId, start, prefix, exact, suffix] = parsed.output
  return {
    ok: true,
    selector: { paragraphId, start, prefix, exact, suffix, end: start + exact.length },
  }
}

// ---------------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------------

type Candidate = { index: number; start: number; end: number; errors: number }

// Weights as in Hypothesis' anchoring (quote >> context >> position): the selected text itself counts
// most, prefix and suffix settle between repeats, position only breaks ties.
const QUOTE_WEIGHT = 50
const CONTEXT_WEIGHT = 20
const POSITION_WEIGHT = 2
/** Fuzzy search keeps at most this many end positions (best first) before scoring them in full. */
const MAX_FUZZY_CANDIDATES = 24

/** Levenshtein distance of two short strings (the ≤ 32-character contexts). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev = new Int32Array(b.length + 1)
  let curr = new Int32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost)
    }
    ;[prev, curr] = [curr, prev]
  }
  return prev[b.length]!
}

/** 0..1: how well the recorded context matches the text next to a candidate. */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0
  return 1 - editDistance(expected, actual) / Math.max(expected.length, actual.length)
}

function scoreCandidate(
  c: Candidate,
  sel: TextSelector,
  passages: SelectablePassage[],
  hint: number,
): number {
  const text = passages[c.index]!.text
  const quote = 1 - c.errors / sel.exact.length
  const before = text.slice(Math.max(0, c.start - sel.prefix.length), c.start)
  const after = text.slice(c.end, c.end + sel.suffix.length)
  // An empty recorded prefix means "at the start of the paragraph": compare with what is there now.
  const prefix = contextSimilarity(sel.prefix, sel.prefix.length === 0 ? text.slice(0, c.start) : before)
  const suffix = contextSimilarity(sel.suffix, sel.suffix.length === 0 ? text.slice(c.end) : after)
  let position = 0
  if (c.index === hint) {
    position = 1 - Math.min(1, Math.abs(c.start - sel.start) / Math.max(text.length, 1))
  } else if (hint >= 0) {
    position = 0.5 * (1 - Math.min(1, Math.abs(c.index - hint) / passages.length))
  }
  return QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * (prefix + suffix) + POSITION_WEIGHT * position
}

function exactCandidates(sel: TextSelector, passages: SelectablePassage[]): Candidate[] {
  const found: Candidate[] = []
  for (let index = 0; index < passages.length; index++) {
    const text = passages[index]!.text
    for (let at = text.indexOf(sel.exact); at !== -1; at = text.indexOf(sel.exact, at + 1)) {
      found.push({ index, start: at, end: at + sel.exact.length, errors: 0 })
    }
  }
  return found
}

/**
 * Myers' bit-parallel approximate matching (block-based, in Hyyrö's formulation), prepared once per
 * pattern and run over any number of texts. `distances(text)[j]` is the smallest edit distance between
 * the pattern and any substring of `text` ending just before j + 1. O(text.length × ⌈pattern.length / 32⌉).
 */
export function createApproximateMatcher(pattern: string) {
  const m = pattern.length
  const blocks = Math.max(1, Math.ceil(m / 32))
  // Peq: for each distinct pattern character, one bit per pattern position where it occurs. Row 0 is
  // the all-zero row of every character the pattern does not contain.
  const rowByCode = new Uint32Array(65536)
  let rows = 1
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i)
    if (rowByCode[code] === 0) rowByCode[code] = rows++
  }
  const peq = new Int32Array(rows * blocks)
  for (let i = 0; i < m; i++) peq[rowByCode[pattern.charCodeAt(i)]! * blocks + (i >> 5)]! |= 1 << (i & 31)
  const lastBit = 1 << ((m - 1) & 31)

  function distances(text: string): Int32Array {
    const out = new Int32Array(text.length)
    const P = new Int32Array(blocks).fill(-1)
    const M = new Int32Array(blocks)
    let score = m
    for (let j = 0; j < text.length; j++) {
      const base = rowByCode[text.charCodeAt(j)]! * blocks
      // Horizontal delta entering the first block: the top row is all zeros (a match may start anywhere).
      let hIn = 0
      for (let b = 0; b < blocks; b++) {
        const pV = P[b]!
        const mV = M[b]!
        const hInNegative = hIn < 0 ? 1 : 0
        const eq = peq[base + b]! | hInNegative
        const xV = eq | mV
        // JavaScript adds these as doubles; the bitwise ops that follow wrap the sum to 32 bits, as in C.
        const xH = (((eq & pV) + pV) ^ pV) | eq
        let pH = mV | ~(xH | pV)
        let mH = pV & xH
        const mask = b === blocks - 1 ? lastBit : 1 << 31
        const hOut = (pH & mask) !== 0 ? 1 : (mH & mask) !== 0 ? -1 : 0
        pH = (pH << 1) | (hIn > 0 ? 1 : 0)
        mH = (mH << 1) | hInNegative
        P[b] = mH | ~(xV | pH)
        M[b] = pH & xV
        hIn = hOut
      }
      score += hIn
      out[j] = score
    }
    return out
  }

  /** End positions (exclusive) whose distance is at most `maxErrors`: the best end of each run of them. */
  function matchEnds(text: string, maxErrors: number): { end: number; errors: number }[] {
    if (m === 0) return []
    const d = distances(text)
    const found: { end: number; errors: number }[] = []
    let run: { end: number; errors: number } | null = null
    for (let j = 0; j < d.length; j++) {
      const errors = d[j]!
      if (errors <= maxErrors) {
        if (!run || errors < run.errors) run = { end: j + 1, errors }
      } else if (run) {
        found.push(run)
        run = null
      }
    }
    if (run) found.push(run)
    return found
  }

  return { distances, matchEnds }
}

/**
 * Where the best match ending at `end` starts: banded edit distance of the pattern against text
 * windows ending at `end`, read backwards. Returns the start and the distance.
 */
function matchStart(text: string, pattern: string, end: number, maxErrors: number) {
  const m = pattern.length
  const width = Math.min(end, m + maxErrors)
  // row[L] = distance between the last i pattern characters and the last L text characters before `end`.
  let prev = new Int32Array(width + 1)
  let curr = new Int32Array(width + 1)
  const far = m + width + 1
  for (let L = 0; L <= width; L++) prev[L] = L
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(m - i)
    const lo = Math.max(0, i - maxErrors)
    const hi = Math.min(width, i + maxErrors)
    curr.fill(far)
    if (lo === 0) curr[0] = i
    for (let L = Math.max(1, lo); L <= hi; L++) {
      const cost = pc === text.charCodeAt(end - L) ? 0 : 1
      curr[L] = Math.min(prev[L]! + 1, curr[L - 1]! + 1, prev[L - 1]! + cost)
    }
    ;[prev, curr] = [curr, prev]
  }
  let bestL = -1
  let best = far
  for (let L = 0; L <= width; L++) {
    // Ties go to the length closest to the pattern's own.
    if (prev[L]! < best || (prev[L] === best && Math.abs(L - m) < Math.abs(bestL - m))) {
      best = prev[L]!
      bestL = L
    }
  }
  return { start: end - bestL, errors: best }
}

function fuzzyCandidates(sel: TextSelector, passages: SelectablePassage[], maxErrors: number): Candidate[] {
  const matcher = createApproximateMatcher(sel.exact)
  const ends: { index: number; end: number; errors: number }[] = []
  for (let index = 0; index < passages.length; index++) {
    const text = passages[index]!.text
    if (text.length < sel.exact.length - maxErrors) continue
    for (const match of matcher.matchEnds(text, maxErrors)) ends.push({ index, ...match })
  }
  ends.sort((a, b) => a.errors - b.errors)
  return ends.slice(0, MAX_FUZZY_CANDIDATES).flatMap(({ index, end }) => {
    const text = passages[index]!.text
    const { start, errors } = matchStart(text, sel.exact, end, maxErrors)
    const from = snapToCodePoint(text, start, -1)
    const to = snapToCodePoint(text, end, 1)
    return errors <= maxErrors && to > from ? [{ index, start: from, end: to, errors }] : []
  })
}

/**
 * Finds a selector's passage in the article's current paragraphs, or `null` when it is no longer there.
 * `exactMatch` is false when only an edited version of the passage was found.
 */
export function resolveSelector(
  selector: TextSelector,
  paragraphs: readonly SelectablePassage[],
): ResolvedSelector | null {
  const passages = paragraphs as SelectablePassage[]
  const exact = selector.exact
  if (exact.length === 0) return null
  const hint = passages.findIndex((p) => p.id === selector.paragraphId)
  const hinted = passages[hint]
  if (hinted && hinted.text.startsWith(exact, selector.start)) {
    return {
      paragraphId: hinted.id,
      start: selector.start,
      end: selector.start + exact.length,
      exactMatch: true,
    }
  }

  let best: Candidate | null = null
  let bestScore = -Infinity
  const consider = (candidate: Candidate) => {
    const score = scoreCandidate(candidate, selector, passages, hint)
    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  }
  exactCandidates(selector, passages).forEach(consider)
  // The exact text with its context intact is as good as it gets; only search for edited versions
  // when the exact text is missing or sits in unfamiliar surroundings.
  if (bestScore < QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT) {
    const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE)
    if (maxErrors > 0) fuzzyCandidates(selector, passages, maxErrors).forEach(consider)
  }
  const candidate = best as Candidate | null
  if (!candidate) return null
  return {
    paragraphId: passages[candidate.index]!.id,
    start: candidate.start,
    end: candidate.end,
    exactMatch:
      candidate.errors === 0 &&
      passages[candidate.index]!.text.slice(candidate.start, candidate.end) === exact,
  }
}
