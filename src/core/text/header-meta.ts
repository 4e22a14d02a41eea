/**
 * Lines of a page's header that state facts about the article rather than title it: a time or date, an
 * author handle or "by Name", an age ("2 days ago"), share and account prompts, a photo credit. Such a
 * line sits where a headline would, so the headline search steps over it.
 */
import { META_WORDS } from './header-meta-words'

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const TIME_OR_DATE = new RegExp(
  `\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}년 ?\\d{1,2}월|\\b\\d{1,2}\\.\\s?\\p{L}{3,10}\\.?\\s\\d{4}\\b|\\b\\d{1,2}[:.]\\d{2}\\s?(?:[ap]\\.?m\\b|[A-Z]{2,4}\\b)|\\b${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b|\\b\\d{1,2} ${MONTH}\\.? \\d{4}\\b|\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b`,
  'iu',
)
// A month and day without a year ("March 3") is in headlines too ("Talks resume on March 3").
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?\\b`, 'iu')
const AGE =
  /\b\d+\s?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s(?:ago)\b|^(?:updated|published|posted|last updated)\b/i
// "By Jane Doe" at the start, or "... by Jane Doe" after a date; a capital "By" mid-line is Title Case.
const AUTHOR = /^(?:[Bb]y|BY)\s\p{Lu}|(?:^|\s)@\w{2,}|^(?:author|written by|words by)\b/u
const AUTHOR_AFTER = /\sby\s\p{Lu}/u
const ACCOUNT_PHRASE =
  /\byou are here\b|\bcopy (?:this |the )?link\b|\bopens? in (?:a )?new (?:window|tab)\b/i
const ACCOUNT_WORD =
  /\b(?:share|tweet|twitter|facebook|whatsapp|sign(?:ed)? in|log(?:ged)? in|subscribe|newsletter|e-?mail|cookies?)\b/i
// A wire agency credited on its own line, where a byline would stand.
const AGENCY =
  /^(?:the )?(?:associated press|reuters|afp|agence france-presse|bloomberg(?: news)?|pa media|press association|dpa|xinhua|kyodo(?: news)?|yonhap|upi|efe|ansa|anadolu agency|canadian press)(?: staff)?\W{0,3}$/i
// "Jane Doe, Staff Writer": a name, a comma and an affiliation of three words at most, no verb's full stop
// ("Introducing Jane Doe, New Head of Sales" is a title).
const AUTHOR_LINE =
  /^\p{Lu}\p{Ll}+(?: \p{Lu}\.)?(?: \p{Lu}[\p{Ll}'’-]+){1,2}, [\p{L}&.]{2,30}(?: [\p{L}&.]{1,30}){0,2}$/u
const CREDIT =
  /\p{Ll}\.?\s?\p{Lu}[\p{L}.'’-]+ \p{Lu}[\p{L}.'’-]+\s?\/\s?\p{Lu}|\b(?:getty images|shutterstock|ap photo)\b/iu

/**
 * Whether a line reads as a title rather than a header-meta line that merely mentions a date, a "by" or
 * a social network ("Ferry Operator Fined By Maritime Agency", "Facebook fined over data leak"): three
 * or more words of four letters or more that are not the words dates, prompts and bylines are made of.
 */
function readsAsTitle(text: string): boolean {
  let words = 0
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (w.length >= 4 && !META_WORDS.has(w) && (words += 1) >= 3) return true
  }
  return false
}

/** A line stating when: a date, a time of day or an age ("Updated 2 hours ago"). */
export function statesTime(text: string): boolean {
  if (text.length > 200) return false
  return AGE.test(text) || TIME_OR_DATE.test(text) || (MONTH_DAY.test(text) && !readsAsTitle(text))
}

/** A line stating who or when: a date, a time, an age, an author, a wire agency or a photo credit. */
export function statesAuthorOrTime(text: string): boolean {
  if (text.length > 200) return false
  if (statesTime(text) || AUTHOR.test(text) || AUTHOR_LINE.test(text) || AGENCY.test(text)) return true
  return CREDIT.test(text) || (AUTHOR_AFTER.test(text) && !readsAsTitle(text))
}

export function isHeaderMeta(text: string): boolean {
  if (statesAuthorOrTime(text)) return true
  if (text.length > 60) return false
  return ACCOUNT_PHRASE.test(text) || (ACCOUNT_WORD.test(text) && !readsAsTitle(text))
}

const SITE_SEPARATOR = / [|] | [-–—] (?=[^ ]*\.[a-z]{2,6}$)/u

/**
 * "Headline | Site Name" -> "Headline": a page's title line carries the site's name after a pipe (or a
 * domain after a dash); a short last part is the site, not the story. "Site Name | Headline" the same
 * way round, when the last part is too long to be a site's name.
 */
export function stripSiteName(headline: string): string {
  const parts = headline.split(SITE_SEPARATOR)
  if (parts.length < 2) return headline
  const words = (text: string) => text.split(' ').length
  const last = parts.at(-1)!
  const rest = parts.slice(0, -1).join(' | ')
  if (words(last) <= 5 && words(rest) >= 3) return rest
  const first = parts[0]!
  const after = parts.slice(1).join(' | ')
  return words(first) <= 4 && words(after) >= 6 ? after : headline
}
