import type { ArticleQuotes } from './article-quotes'

/**
 * The reader's URL parameters, checked against the article: `?paragraph=p3`, `?quote=q2`,
 * `?speaker=<speakerId>` (or `_unknown`). A value that names nothing in this article is reported, so the
 * page can say so instead of failing silently.
 */
export type ReaderTarget = {
  paragraph: string | null
  quote: string | null
  speaker: string | null
  /** What the link asked for that this article does not have. */
  missing: Array<'paragraph' | 'quote' | 'speaker'>
}

export function readReaderTarget(params: URLSearchParams, quotes: ArticleQuotes): ReaderTarget {
  const missing: ReaderTarget['missing'] = []
  const pick = (key: 'paragraph' | 'quote' | 'speaker', exists: (v: string) => boolean): string | null => {
    const value = params.get(key)
    if (value === null || value === '') return null
    if (value.length <= 120 && exists(value)) return value
    missing.push(key)
    return null
  }
  const paragraph = pick('paragraph', (v) => quotes.blocks.some((b) => b.id === v))
  const quote = pick('quote', (v) => quotes.order.some((q) => q.id === v))
  const speaker = pick('speaker', (v) => quotes.groups.some((g) => g.id === v))
  return { paragraph, quote, speaker, missing }
}
