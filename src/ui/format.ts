/**
 * Formatting shared by the library and the reader. Fixed wording (British English, UTC) so the server
 * (prerender) and every browser produce the same text — a different locale would cause hydration
 * mismatches. Written out by hand rather than with Intl: the first Intl formatter a page creates loads
 * locale data, a long task on a slow phone right when the page hydrates.
 * See docs/decisions/0018-no-intl-at-hydration.md.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2018-04-22" -> "22 April 2018"; anything unparsable is returned as it was written. */
export function formatDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`)
  if (Number.isNaN(time)) return isoDate
  const date = new Date(time)
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** Average silent reading speed for news text (words per minute). */
const WORDS_PER_MINUTE = 230

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}

export function formatReadingTime(wordCount: number): string {
  return `${readingMinutes(wordCount)} min read`
}

/** "10,000" (grouped the same way on the server and in every browser); fractions keep up to 3 digits. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count)
  const sign = count < 0 ? '-' : ''
  const [whole = '0', fraction] = String(Math.round(Math.abs(count) * 1000) / 1000).split('.')
  const grouped = whole.replace(/\B(?=(?:\d{3})+$)/g, ',')
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`
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
