/**
 * Readers for the structural lines of a news page: bylines, photo captions with credits, a signature
 * line ("Name in City"), reporting credits and a lead paragraph's dateline ("WASHINGTON (AP) —").
 * Each reads one unit and returns what it states, or null. All patterns are bounded.
 */
import type { Caption } from './schema'
import { readDateLine } from './text-dates'
import { endsLikeSentence, hasQuoteMarks, wordCountOf } from './text-furniture'

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*"
// Lower-case particles inside names: Ursula von der Leyen, Luiz Inácio Lula da Silva, Mohammed bin Salman.
const PARTICLE = '(?:de|da|do|dos|das|di|del|della|der|den|du|van|von|la|le|bin|binti|ibn|al|el|ben|y|e)'
const PERSON = `${NAME_WORD}(?: (?:${NAME_WORD}|${PARTICLE}(?= \\p{Lu}))){1,4}`
const PLACE = `${NAME_WORD}(?: ${NAME_WORD}){0,2}`

export type Byline = { byline: string; published: string | null; dateline: string | null }

const BYLINE = /^by:? (\S.{1,200})$/iu
const PART_SEPARATOR = / [|·•] | [–—] /u

/** "By Jane Doe", "By JANE DOE, Reuters", "By Jane Doe | April 18, 2018" -> the names and any date. */
export function readByline(text: string): Byline | null {
  if (text.length > 200) return null
  const m = BYLINE.exec(text)
  const rest = m?.[1]
  if (!rest || !/^\p{Lu}/u.test(rest) || hasQuoteMarks(text)) return null
  if (wordCountOf(rest) > 16) return null
  // A sentence that happens to start with "By" ("By Tuesday, the talks had collapsed.") is prose.
  if (endsLikeSentence(rest) && !/\b\p{L}{1,3}\.$/u.test(rest)) return null
  let published: string | null = null
  const names: string[] = []
  for (const part of rest.split(PART_SEPARATOR)) {
    const date = readDateLine(part)
    if (date && date.prefix === '') {
      if (date.kind === 'published') published ??= date.date
      continue
    }
    if (part.trim() !== '') names.push(part.trim())
  }
  if (names.length === 0) return null
  const joined = names.join(', ')
  // "By Søren Kierkegaard-Holm in Geneva": the place is a dateline.
  const signed = readSignature(joined)
  if (signed) return { byline: signed.byline, dateline: signed.dateline, published }
  return { byline: joined, dateline: null, published }
}

const CREDITS =
  /^(?:additional )?(?:reporting|writing|written|editing|compiled|produced|research) by (\p{Lu}.{1,300})$/iu
const CONTRIBUTED =
  /\b(?:contributed|contributing) (?:to )?(?:this|the) (?:report|story|article)\.?$|^\p{Lu}[\p{L}.'’ -]{2,60} reported from \p{Lu}/iu
const TRAILING_PLACE = new RegExp(` in ${PLACE}$`, 'u')

/**
 * Wire-style credits at the foot: "Reporting by Jane Doe in Tokyo; Editing by John Roe" -> the reporters;
 * "Associated Press writer Jane Doe contributed to this report." -> credits naming no byline ('').
 */
export function readCredits(text: string): string | null {
  if (text.length > 300 || hasQuoteMarks(text)) return null
  if (CONTRIBUTED.test(text) && wordCountOf(text) <= 40) return ''
  const m = CREDITS.exec(text)
  if (!m?.[1]) return null
  const first = m[1].split(/[;.]/)[0] ?? ''
  const names = first.replace(TRAILING_PLACE, '').trim()
  return names === '' ? null : names
}

const SIGNATURE = new RegExp(`^(${PERSON}(?:(?:, | and )${PERSON})*) in (${PLACE})$`, 'u')

/** A reporter's sign-off line at the end of a story: "Masayuki Yuda in Tokyo" -> byline and dateline. */
export function readSignature(text: string): { byline: string; dateline: string } | null {
  if (text.length > 120 || !text.includes(' in ')) return null
  const m = SIGNATURE.exec(text)
  if (!m?.[1] || !m[2]) return null
  return { byline: m[1], dateline: m[2] }
}

const PAREN_CREDIT = /\(([^()]{2,120})\)$/u
const PHOTO_WORD =
  /^(?:(?:\p{Lu}[\p{L}]*\s)?(?:file\s)?(?:photo(?:graph)?|image|picture|illustration|video)s?(?:\s?by\b|\s?:|\s?\/))/iu
const PHOTO_PREFIX = /^(?:photo(?:graph)?|image|picture|illustration|video)s?(?:\s?by\b|\s?:)\s?/iu
const LABEL_CREDIT =
  /(?:^|[.!?]["”’]?\s|\s[|–—-]\s)((?:photo(?:graph)?|image|picture|illustration|photo credit|credit|image source|photo source)s?\s?[:,]\s?)([^:]{2,100})$/iu
// "Image caption, Mr Abe and Mr Trump played golf": a labelled caption, its credit on another line.
// (Also without its punctuation, as a page whose style sheet did not load prints it: "Image caption Mr Abe ...".)
const CAPTION_LABEL = /^(?:image|photo|picture|video) caption(?:\s?[:,]\s?|\s)(\S.{1,600})$/iu
const SLASH_CREDIT = new RegExp(
  `(?:^|[.!?]["”’]?\\s)((?:${NAME_WORD}\\s){0,3}${NAME_WORD}\\s?\\/\\s?\\p{Lu}[\\p{L}&.'’-]*(?:\\s(?:via\\s)?\\p{Lu}[\\p{L}&.'’-]*){0,3})$`,
  'u',
)
const AGENCY_CREDIT = new RegExp(
  `^(?:(?:${NAME_WORD}\\s){1,3}(?:for\\s|via\\s)?|(?:AFP|AP|EPA|Reuters|Bloomberg)\\svia\\s|(?:[^|]{2,40} \\| ){1,2})?Getty Images$|^AP Photo(?:\\/.{2,60})?$`,
  'u',
)

const WIRE_CAPTION =
  /^(?:In this|This)(?: [\p{L}\d.,]+){0,8},? (?:file |handout |undated |aerial )?(?:photo|photograph|image|picture)s?\b/u

export type CaptionRead = Caption & { creditOnly: boolean }

/**
 * A photo caption with its credit: "Abe and Trump in Florida. (Photo by Akira Kodaka)",
 * "... Photo: Jane Doe", "... Kim Kyung-Hoon/Reuters", or a credit on a line of its own.
 */
export function readCaption(text: string): CaptionRead | null {
  // The wire agencies' caption form: "In this Dec. 12, 2006, file photo, astronaut ... ".
  if (text.length <= 700 && WIRE_CAPTION.test(text)) return { text, credit: null, creditOnly: false }
  if (text.length > 700 || hasQuoteMarks(text)) return null
  const labelled = CAPTION_LABEL.exec(text)
  if (labelled?.[1]) return { text: labelled[1].trim(), credit: null, creditOnly: false }
  if (!/[(:/,]|Getty Images|AP Photo/.test(text)) return null
  const paren = PAREN_CREDIT.exec(text)
  if (paren?.[1] && PHOTO_WORD.test(paren[1])) {
    const credit = paren[1].replace(PHOTO_PREFIX, '').trim()
    const caption = text.slice(0, paren.index).trim()
    return { text: caption, credit: credit || null, creditOnly: caption === '' }
  }
  const label = LABEL_CREDIT.exec(text)
  if (label?.[2]) {
    const caption = text
      .slice(0, label.index + label[0].length - label[1]!.length - label[2].length)
      .replace(/\s[|–—-]\s?$/u, '')
      .trim()
    return { text: caption, credit: label[2].trim(), creditOnly: caption === '' }
  }
  if (endsLikeSentence(text)) return null
  const slash = SLASH_CREDIT.exec(text)
  if (slash?.[1]) {
    const caption = text.slice(0, slash.index + slash[0].length - slash[1].length).trim()
    // A lone "X/Y" is a credit only when X reads as a person's name (two words), not "AC/DC".
    const left = slash[1].split('/')[0]?.trim() ?? ''
    if (caption !== '' || left.includes(' ')) {
      return { text: caption, credit: slash[1].trim(), creditOnly: caption === '' }
    }
  }
  if (text.length <= 80 && AGENCY_CREDIT.test(text)) return { text: '', credit: text, creditOnly: true }
  return null
}

const DATELINE =
  /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}(?:, \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}){0,2}(?:,? \p{Lu}\p{Ll}{2,8}\.? \d{1,2})?( \([^()]{1,40}\))?) ?(?:—|–|--|-) ?(?=\S)/u

/** "WASHINGTON (AP) — President..." -> dateline "WASHINGTON (AP)" and the paragraph without it. */
export function readDateline(paragraph: string): { dateline: string; rest: string } | null {
  const head = paragraph.slice(0, 160)
  const m = DATELINE.exec(head)
  if (!m?.[1]) return null
  const firstWord = m[1].split(/[ ,(]/)[0] ?? ''
  const letters = firstWord.replace(/[^\p{L}]/gu, '')
  const shouting =
    letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  if (!shouting && m[2] === undefined) return null
  const rest = paragraph.slice(m[0].length).trim()
  if (wordCountOf(rest) < 3) return null
  return { dateline: m[1].trim(), rest }
}
