import { Fragment, useSyncExternalStore, type ReactNode } from 'react'
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
      // Not the article's words: skipped when a selection is turned into text offsets.
      data-reader-extra=""
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

/** Where a linked passage (`?sel=`) sits in a block's text: UTF-16 offsets, end exclusive. */
export type PassageSpan = { start: number; end: number }

/**
 * Plain text starting at `start` in its block, with the part inside the linked passage wrapped in a mark.
 * A passage that crosses quotes becomes one mark per piece of text, each inside the quote it belongs to.
 */
function passageText(text: string, start: number, passage: PassageSpan | null, key: string): ReactNode {
  if (!passage) return text
  const from = Math.max(passage.start - start, 0)
  const to = Math.min(passage.end - start, text.length)
  if (from >= to) return text
  return [
    from > 0 ? text.slice(0, from) : null,
    <mark key={`${key}-passage`} className="passage" data-passage-mark="">
      {text.slice(from, to)}
    </mark>,
    to < text.length ? text.slice(to) : null,
  ]
}

/** A block's text as React text nodes, with each placed quote marked and labelled. */
export function AnnotatedText({
  pieces,
  passage = null,
}: {
  pieces: readonly Piece[]
  passage?: PassageSpan | null
}) {
  const out: ReactNode[] = []
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    const next = pieces[i + 1]
    if (piece.kind === 'text' && next?.kind === 'chip') {
      // The closing quotation mark and the speaker's name stay on one line.
      out.push(
        <span key={`${next.quote.id}-tail`} className="quote-tail">
          {passageText(piece.text, piece.start, passage, `t${piece.start}`)}
          <QuoteChip quote={next.quote} />
        </span>,
      )
      i++
    } else if (piece.kind === 'text') {
      const text = passageText(piece.text, piece.start, passage, `t${piece.start}`)
      out.push(typeof text === 'string' ? text : <Fragment key={`t${piece.start}`}>{text}</Fragment>)
    } else if (piece.kind === 'quote') {
      out.push(
        <QuoteMark key={piece.quote.id} quote={piece.quote}>
          <AnnotatedText pieces={piece.children} passage={passage} />
        </QuoteMark>,
      )
    } else {
      out.push(<QuoteChip key={`${piece.quote.id}-chip`} quote={piece.quote} />)
    }
  }
  return out
}
