import { createContext, useContext } from 'react'
import type { ArticleQuotes } from './article-quotes'
import type { QuotePopoverStore } from './quote-popover-store'

/** What every quote in an article needs to know to draw itself. */
export type ReaderState = {
  articleId: string
  headline: string
  /** For citations: who published the article, and when. */
  outlet: string | null
  published: string | null
  quotes: ArticleQuotes
  popover: QuotePopoverStore
  /** `?speaker=`: the focused speaker group, or null. */
  focusSpeaker: string | null
  /** `?quote=`: the quote the link pointed at. */
  targetQuote: string | null
  /** The quote last reached with next/previous. */
  currentQuote: string | null
}

export const ReaderContext = createContext<ReaderState | null>(null)

export function useReaderState(): ReaderState {
  const state = useContext(ReaderContext)
  if (!state) throw new Error('useReaderState must be used inside an ArticleReader')
  return state
}
