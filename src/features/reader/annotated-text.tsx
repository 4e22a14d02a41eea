import { useSyncExternalStore, type ReactNode } from 'react'
import type { Quote } from '../../core/schema'
import type { Piece } from './quote-layout'
import { QuoteDetails } from './quote-details'
import { useReaderState } from './reader-context'

function QuoteMark({ quote, children }: { quote: Quote; children: ReactNode }) {
  const { quotes, focusSpeaker, targetQuote, currentQuote } = useReaderState()
  const group = quotes.groupOf.get(quote.id)
  const classes = ['quote', `speaker-${group?.colour ?? 0}`, `quote-${quote.kind}`]
  if (focusSpeaker && group?.id !== focusSpeaker) classes.push('is-dimmed')
  if (targetQuote === quote.id) classes.push('is-target')
  if (currentQuote === quote.id) classes.push('is-current')
  return (
    // tabIndex -1: "next quote" and quote links move focus here, so screen readers read the quote.
    <mark id={quote.id} tabIndex={-1} className={classes.join(' ')} data-quote-id={quote.id}>
      {children}
    </mark>
  )
}

/**
 * The speaker's name after each quote — the colour is never the only sign of who spoke. A button: hover or
 * focus shows who it is, a click or tap opens details and actions.
 */
function QuoteChip({ quote }: { quote: Quote }) {
  const { quotes, popover, focusSpeaker } = useReaderState()
  const mode = useSyncExternalStore(
    popover.subscribe,
    () => {
      const s = popover.get()
      return s?.quoteId === quote.id ? s.mode : null
    },
    () => null,
  )
  const group = quotes.groupOf.get(quote.id)
  if (!group) return null
  const detailsId = `${quote.id}-details`
  const dimmed = focusSpeaker !== null && group.id !== focusSpeaker
  return (
    <span
      className="quote-chip-wrap"
      data-quote-id={quote.id}
      onBlur={(event) => {
        // Focus moved somewhere else on the page (not nowhere, as when clicking the details' text).
        const to = event.relatedTarget
        if (to instanceof Node && !event.currentTarget.contains(to)) popover.close(quote.id)
      }}
    >
      <button
        type="button"
        className={`quote-chip speaker-${group.colour}${dimmed ? ' is-dimmed' : ''}`}
        aria-label={`${group.name}${group.role ? `, ${group.role}` : ''}: about this quote`}
        aria-expanded={mode === 'open'}
        aria-controls={mode === 'open' ? detailsId : undefined}
        data-chip-for={quote.id}
        onClick={() => popover.toggle(quote.id)}
        onFocus={(event) => {
          // Keyboard focus shows who spoke; a tap also focuses, but its click opens the details anyway.
          if (safeMatches(event.currentTarget, ':focus-visible')) popover.peek(quote.id)
        }}
      >
        {group.name}
      </button>
      {mode ? <QuoteDetails quote={quote} group={group} mode={mode} id={detailsId} /> : null}
    </span>
  )
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector)
  } catch {
    return true
  }
}

/** A block's text as React text nodes, with each placed quote marked and labelled. */
export function AnnotatedText({ pieces }: { pieces: readonly Piece[] }) {
  const out: ReactNode[] = []
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    const next = pieces[i + 1]
    if (piece.kind === 'text' && next?.kind === 'chip') {
      // The closing quotation mark and the speaker's name stay on one line.
      out.push(
        <span key={`${next.quote.id}-tail`} className="quote-tail">
          {piece.text}
          <QuoteChip quote={next.quote} />
        </span>,
      )
      i++
    } else if (piece.kind === 'text') {
      out.push(piece.text)
    } else if (piece.kind === 'quote') {
      out.push(
        <QuoteMark key={piece.quote.id} quote={piece.quote}>
          <AnnotatedText pieces={piece.children} />
        </QuoteMark>,
      )
    } else {
      out.push(<QuoteChip key={`${piece.quote.id}-chip`} quote={piece.quote} />)
    }
  }
  return out
}
