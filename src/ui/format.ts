/**
 * Formatting shared by the library and the reader. Fixed locale and UTC so the server (prerender) and
 * the browser produce the same text — a different locale would cause hydration mismatches.
 */
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** "2018-04-22" -> "22 April 2018"; anything unparsable is returned as it was written. */
export function formatDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`)
  return Number.isNaN(time) ? isoDate : dateFormat.format(time)
}

/** Average silent reading speed for news text (words per minute). */
const WORDS_PER_MINUTE = 230

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}

export function formatReadingTime(wordCount: number): string {
  return `${readingMinutes(wordCount)} min read`
}

// One formatter for the app: toLocaleString builds a new one on every call, which adds up in long lists.
const numberFormat = new Intl.NumberFormat('en-GB')

/** "10,000" (grouped the same way on the server and in every browser). */
export function formatCount(count: number): string {
  return numberFormat.format(count)
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/** "A, B and C"; long lists end with "and N others". */
export function formatNameList(names: readonly string[], max = 3): string {
  if (names.length <= max) {
    if (names.length <= 1) return names.join('')
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  }
  const rest = names.length - max
  return `${names.slice(0, max).join(', ')} and ${plural(rest, 'other')}`
}
