import type { Article, Span } from '../../../core/schema'

/**
 * Who said the quotations inside one side of a link: the speakers the article attributes its quotes to,
 * for the quotes overlapping the linked span, in reading order and each once. Empty when the span holds
 * no quotation or none is attributed. Asked for the selected link only, so it costs nothing on a first
 * render.
 */
export function speakersIn(article: Article, span: Span): string[] {
  const names = new Map(article.speakers.map((s) => [s.id, s.name] as const))
  const found: string[] = []
  for (const quote of article.quotes) {
    if (quote.paragraphId !== span.paragraphId || quote.start >= span.end || quote.end <= span.start) continue
    const name = quote.speakerId === null ? undefined : names.get(quote.speakerId)
    if (name !== undefined && !found.includes(name)) found.push(name)
  }
  return found
}
