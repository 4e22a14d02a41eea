/**
 * Dates as a page states them ("April 18, 2018", "18 April 2018", "2018-04-22", "2018/04/22"). Only full
 * dates with a year count: a date is never completed by guessing, and ambiguous numeric forms such as
 * 04/05/2018 are not read at all.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const WEEKDAY = '(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\\.?,?\\s)?'
const ORDINAL = '(?:st|nd|rd|th)?'
// Alternatives, each with its own groups: ISO, year-first with slashes or dots, month-day-year, day-month-year.
const DATE = [
  '(\\d{4})-(\\d{2})-(\\d{2})',
  '(\\d{4})[./](\\d{1,2})[./](\\d{1,2})\\.?',
  `${MONTH}\\s(\\d{1,2})${ORDINAL},?\\s(\\d{4})`,
  `(\\d{1,2})${ORDINAL}\\s${MONTH},?\\s(\\d{4})`,
].join('|')
const TIME =
  '(?:\\s?(?:,|\\||at|-|–|—|·|T)?\\s?\\d{1,2}[:.]\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s?(?:[ap]\\.?m\\.?)?\\s?(?:Z|[+-]\\d{2}:?\\d{2}|[A-Z]{2,5}(?:[+-]\\d{1,2})?)?)?'
const DATE_LINE = new RegExp(`^(.{0,80}?)${WEEKDAY}(?:${DATE})${TIME}$`, 'i')

const PUBLISHED_LABEL =
  /^(?:first published|published|posted|released|issued|date|dated)(?:\s(?:on|at))?\s?:?\s/i
const UPDATED_LABEL = /^(?:last updated|updated|last modified|modified|edited)(?:\s(?:on|at))?\s?:?\s/i

/** YYYY-MM-DD for a real calendar date, or null (February 30 is not a date). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  if (day > days) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().replace(/\.$/, '')] ?? 0
}

export type DateLine = {
  /** The stated date, YYYY-MM-DD. */
  date: string
  /** `published` when labelled so or unlabelled, `updated` for a revision time (not a publication date). */
  kind: 'published' | 'updated'
  /** Words before the date that are not a label, e.g. a column name glued to it ("Hot Issues of the Week"). */
  prefix: string
}

/**
 * Reads a line that is a date and nothing else, optionally labelled ("Published: ...", "Updated ..."),
 * with a weekday or a time, or run on from a column name ("Hot Issues of the Week2018-04-22").
 */
export function readDateLine(line: string): DateLine | null {
  if (line.length > 140 || !/\d{4}/.test(line)) return null
  let rest = line.trim()
  let kind: DateLine['kind'] = 'published'
  const updated = UPDATED_LABEL.exec(rest)
  const published = updated ? null : PUBLISHED_LABEL.exec(rest)
  if (updated) {
    kind = 'updated'
    rest = rest.slice(updated[0].length)
  } else if (published) {
    rest = rest.slice(published[0].length)
  }
  const m = DATE_LINE.exec(rest)
  if (!m) return null
  const g = m.slice(1)
  let date: string | null = null
  if (g[1] !== undefined) date = isoDate(Number(g[1]), Number(g[2]), Number(g[3]))
  else if (g[4] !== undefined) date = isoDate(Number(g[4]), Number(g[5]), Number(g[6]))
  else if (g[7] !== undefined) date = isoDate(Number(g[9]), monthNumber(g[7]), Number(g[8]))
  else if (g[10] !== undefined) date = isoDate(Number(g[12]), monthNumber(g[11]), Number(g[10]))
  if (date === null) return null
  const prefix = (g[0] ?? '').replace(/[\s|,·–—-]+$/u, '').trim()
  // A prefix ending in a digit would mean the match split a number ("12018-04-22").
  if (/\d$/.test(prefix)) return null
  return { date, kind, prefix }
}
