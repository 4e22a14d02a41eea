import { decodeSelector, resolveSelector, type ResolvedSelector } from '../../core/selectors'
import type { ArticleQuotes } from './article-quotes'

/**
 * The reader's URL parameters, checked against the article: `?paragraph=p3`, `?quote=q2`,
 * `?speaker=<speakerId>` (or `_unknown`, or the person's name), `?sel=<selector>` (a selected passage, docs/deep-links.md). A
 * value that names nothing in this article is reported, so the page can say so instead of failing silently.
 */
export type ReaderTarget = {
  paragraph: string | null
  quote: string | null
  speaker: string | null
  /** `?sel=`: where the linked passage is now, or null. */
  selection: ResolvedSelector | null
  /** What the link asked for that this article does not have. */
  missing: Array<'paragraph' | 'quote' | 'speaker' | 'selection'>
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
  // A speaker by id, or by name as the library's person filter links to them.
  const named = quotes.groups.find((g) => g.name === params.get('speaker'))
  const speaker = named ? named.id : pick('speaker', (v) => quotes.groups.some((g) => g.id === v))

  // A damaged or unknown-format selector is reported like a passage that is gone: either way the link
  // cannot show what it was made for. Only an empty value means "no selection".
  const decoded = decodeSelector(params.get('sel'))
  let selection: ResolvedSelector | null = null
  if (decoded.ok) {
    selection = resolveSelector(
      decoded.selector,
      quotes.blocks.filter((b) => b.kind === 'paragraph'),
    )
    if (!selection) missing.push('selection')
  } else if (decoded.error !== 'empty') {
    missing.push('selection')
  }
  return { paragraph, quote, speaker, selection, missing }
}
