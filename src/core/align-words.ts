/**
 * Word tokens for comparing wording: case, curly marks and punctuation are ignored, but every token keeps
 * its place in the source text so matches can be mapped back to spans. Pure.
 */

export type WordToken = {
  /** Lowercased, apostrophes straightened, diacritics kept (they carry meaning in names). */
  norm: string
  /** The word as written. */
  raw: string
  /** UTF-16 offsets into the text that was tokenised. */
  start: number
  end: number
}

// Letters or digits, with internal apostrophes ("don't", "Abe’s"); hyphens split ("Jong-un" = "Jong un"),
// so the hyphenated and the spaced spelling of a name compare equal.
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu

// Plain ASCII needs no Unicode normalisation and has no curly apostrophes: most words of English text.
const ASCII = /^[\x20-\x7e]*$/

export function normaliseWord(raw: string): string {
  if (ASCII.test(raw)) return raw.toLowerCase()
  return raw.normalize('NFKC').toLowerCase().replace(/[’ʼ]/g, "'")
}

export function wordTokens(text: string, offset = 0): WordToken[] {
  const out: WordToken[] = []
  for (const m of text.matchAll(WORD)) {
    const start = offset + (m.index ?? 0)
    out.push({ norm: normaliseWord(m[0]), raw: m[0], start, end: start + m[0].length })
  }
  return out
}
