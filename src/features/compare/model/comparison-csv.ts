import { linksInReadingOrder, type ComparisonSummary, type QuoteShare } from '../../../core/compare-summary'
import type { Article, Comparison, Span } from '../../../core/schema'
import { KIND_LABEL, percent } from './labels'
import { speakersIn } from './link-speakers'
import type { Side } from './passages'

function blockText(article: Article, id: string): string {
  if (id === 'headline') return article.headline
  if (id === 'deck') return article.deck ?? ''
  return article.paragraphs.find((p) => p.id === id)?.text ?? ''
}

function spanText(article: Article, span: Span): string {
  return blockText(article, span.paragraphId).slice(span.start, span.end).trim()
}

function shares(list: readonly QuoteShare[]): string {
  return list
    .map(
      (s) =>
        `${s.name ?? 'Speaker not identified'}: ${percent(s.share)} of quoted words (${s.quotes} quotes, ${s.words} words)`,
    )
    .join('; ')
}

/**
 * The comparison as a spreadsheet: the summary (one row per measure, one column per article), a blank
 * row, then every link in the left article's reading order with its kind, match, both passages and who
 * said the quotation in each. Plain strings: `toCsv` quotes and neutralises them.
 */
export function comparisonCsvRows(
  left: Article,
  right: Article,
  comparison: Comparison,
  summary: ComparisonSummary,
  labels: Record<Side, string>,
): string[][] {
  const both = (cell: (side: Side) => string | number | null) =>
    (['left', 'right'] as const).map((side) => String(cell(side) ?? ''))
  const s = summary
  const article: Record<Side, Article> = { left, right }
  const rows: string[][] = [
    ['Summary', labels.left, labels.right],
    ['Headline', ...both((side) => s[side].headline)],
    ['Deck', ...both((side) => s[side].deck)],
    ['Lead', ...both((side) => s[side].lead)],
    ['Published', ...both((side) => article[side].published)],
    ['Address', ...both((side) => article[side].sourceUrl)],
    ['Words', ...both((side) => s[side].words)],
    ['Quotes', ...both((side) => s[side].quoteCount)],
    ['Quoted words', ...both((side) => s[side].quotedWords)],
    ['Who is quoted', ...both((side) => shares(s[side].quoteShare))],
    ['People only this side names', ...both((side) => s[side].onlyHere.person.map((e) => e.name).join('; '))],
    ['Places only this side names', ...both((side) => s[side].onlyHere.place.map((e) => e.name).join('; '))],
    [
      'Organisations only this side names',
      ...both((side) => s[side].onlyHere.organization.map((e) => e.name).join('; ')),
    ],
    ['Links', ...both(() => comparison.links.length)],
    [],
    [
      'Link',
      'Kind',
      'Match',
      `${labels.left}: passage`,
      `${labels.right}: passage`,
      `${labels.left}: said by`,
      `${labels.right}: said by`,
    ],
  ]
  for (const link of linksInReadingOrder(left, comparison)) {
    rows.push([
      link.id,
      KIND_LABEL[link.kind],
      percent(link.score),
      spanText(left, link.left),
      spanText(right, link.right),
      speakersIn(left, link.left).join('; '),
      speakersIn(right, link.right).join('; '),
    ])
  }
  return rows
}
