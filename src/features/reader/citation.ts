import type { Article, Quote } from '../../core/schema'
import { formatDate } from '../../ui/format'
import type { SpeakerGroup } from './article-quotes'

/** Quote text as one line: scraped text keeps its line breaks and runs of spaces. */
function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/**
 * A quote as a reader pastes it into notes or an essay: the words, who said them, where and when they were
 * reported, and a link back to the quote.
 *   “We will not go back.” — Mara Quinn, the union's chair. Harbour Times, “Dock workers strike”, 4 March
 *   2024. https://…/article/harbour-strike?quote=q2
 * What the data does not know is left out rather than guessed ("Unknown speaker" stays, so the words are
 * never silently given to nobody).
 */
export function quoteCitation(
  quote: Quote,
  speaker: Pick<SpeakerGroup, 'name' | 'role'>,
  article: Pick<Article, 'outlet' | 'headline' | 'published'>,
  url: string,
): string {
  const who = speaker.role ? `${speaker.name}, ${speaker.role}` : speaker.name
  const source = [
    article.outlet,
    `“${oneLine(article.headline)}”`,
    article.published ? formatDate(article.published) : null,
  ].filter((part): part is string => part !== null && part !== '')
  return `“${oneLine(quote.text)}” — ${who}. ${source.join(', ')}. ${url}`
}

/** The header row of an article's quotes as CSV. */
export const QUOTE_CSV_HEADER = [
  'Quote',
  'Speaker',
  'Role',
  'Kind',
  'Where',
  'Outlet',
  'Headline',
  'Published',
  'Link',
] as const

/** "p3" -> "paragraph 3", "headline" -> "headline". */
function placeName(blockId: string): string {
  const n = /^p(\d+)$/.exec(blockId)?.[1]
  return n ? `paragraph ${n}` : blockId
}

/**
 * Every quote of an article as spreadsheet rows, in reading order (quotes that could not be placed in the
 * text last), with the header first. `linkTo` gives the absolute link to one quote.
 */
export function quoteRows(
  article: Pick<Article, 'outlet' | 'headline' | 'published'>,
  quotes: readonly Quote[],
  speakerOf: (quoteId: string) => Pick<SpeakerGroup, 'name' | 'role'> | undefined,
  linkTo: (quoteId: string) => string,
): string[][] {
  const rows: string[][] = [[...QUOTE_CSV_HEADER]]
  for (const q of quotes) {
    const speaker = speakerOf(q.id)
    rows.push([
      oneLine(q.text),
      speaker?.name ?? 'Unknown speaker',
      speaker?.role ?? '',
      q.kind,
      placeName(q.paragraphId),
      article.outlet ?? '',
      oneLine(article.headline),
      article.published ?? '',
      linkTo(q.id),
    ])
  }
  return rows
}
