import { useLayoutEffect, useRef } from 'react'
import { Link } from 'react-router'
import type { Quote } from '../../core/schema'
import { getAbsoluteUrl } from '../../lib/paths'
import { copyText } from '../../ui/clipboard'
import { CopyLinkButton } from '../../ui/copy-link-button'
import { ShareButton } from '../../ui/share-button'
import { showToast } from '../../ui/toast'
import type { SpeakerGroup } from './article-quotes'
import { quoteCitation } from './citation'
import type { PopoverMode } from './quote-popover-store'
import { useReaderState } from './reader-context'
import { useArticlePath } from './article-path'

const KIND_NOTE: Record<Quote['kind'], string | null> = {
  full: null,
  partial: 'Partial quote: a few words quoted inside the writer’s sentence.',
  scare: 'Scare quote: words set apart in quotation marks, not necessarily spoken by anyone.',
}

/** "p3" -> "paragraph 3", "headline" -> "the headline": where another block is, in words. */
function blockLabel(id: string): string {
  const n = /^p(\d+)$/.exec(id)?.[1]
  if (n) return `paragraph ${n}`
  return id === 'headline' || id === 'deck' ? `the ${id}` : id
}

/** How the text attributes the quote, as one or two short notes (the second is the evidence). */
export function attributionNotes(quote: Quote, speakerName: string | null): string[] {
  const cue = quote.cue
  if (!cue) return ['No words in the text say who said this.']
  if (cue.method === 'echo') {
    // No cue of its own: the same words are quoted elsewhere, and that quote is attributed.
    const by = speakerName ? ` by ${speakerName}` : ''
    return [`Same words as a quote${by} in ${blockLabel(cue.paragraphId)}.`]
  }
  if (cue.method === 'none' || !quote.speakerId) {
    const evidence = cue.text.trim()
    return evidence
      ? ['Speaker not identified.', `The text says “${evidence}”.`]
      : ['Speaker not identified.']
  }
  if (cue.method === 'continuation') return ['Attributed as a continuation of the previous quote.']
  return [`Attributed by “${cue.text}”.`]
}

/** Keeps the details on screen: a label near the right edge opens its details towards the left. */
function useKeepInView(ref: React.RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    el.style.removeProperty('--shift')
    const margin = 8
    const rect = el.getBoundingClientRect()
    const viewport = document.documentElement.clientWidth
    let shift = 0
    if (rect.right > viewport - margin) shift = viewport - margin - rect.right
    if (rect.left + shift < margin) shift = margin - rect.left
    if (shift !== 0) el.style.setProperty('--shift', `${Math.round(shift)}px`)
  })
}

/**
 * Who said a quote and how the text attributes it. As a peek (hover or focus) it repeats what the label's
 * accessible name already says, so it is hidden from screen readers; opened, it adds actions.
 */
export function QuoteDetails({
  quote,
  group,
  mode,
  id,
}: {
  quote: Quote
  group: SpeakerGroup
  mode: PopoverMode
  id: string
}) {
  const { articleId, headline, outlet, published, focusSpeaker } = useReaderState()
  const articlePath = useArticlePath()
  const ref = useRef<HTMLSpanElement>(null)
  useKeepInView(ref)
  const open = mode === 'open'
  const focused = focusSpeaker === group.id
  const kindNote = KIND_NOTE[quote.kind]
  return (
    <span
      ref={ref}
      id={id}
      className={`quote-details speaker-${group.colour}${open ? ' is-open' : ''}`}
      role={open ? 'group' : undefined}
      aria-label={open ? `Quote by ${group.name}` : undefined}
      aria-hidden={open ? undefined : true}
      data-quote-id={quote.id}
    >
      <span className="qd-name">{group.name}</span>
      {group.role ? <span className="qd-role">{group.role}</span> : null}
      {attributionNotes(quote, quote.speakerId ? group.name : null).map((note) => (
        <span key={note} className="qd-note">
          {note}
        </span>
      ))}
      {kindNote ? <span className="qd-note">{kindNote}</span> : null}
      {quote.speakerId && quote.confidence < 0.5 ? (
        <span className="qd-note">The attribution is uncertain.</span>
      ) : null}
      {open ? (
        <span className="qd-actions">
          <Link
            className="button"
            to={articlePath(articleId, focused ? {} : { speaker: group.id })}
            preventScrollReset
          >
            {focused ? 'Show all speakers' : `Only ${group.name}`}
          </Link>
          <CopyLinkButton
            path={articlePath(articleId, { quote: quote.id })}
            label="Copy link"
            accessibleLabel="Copy link to this quote"
            copiedMessage="Link to the quote copied"
          />
          <button
            type="button"
            className="button"
            onClick={() => {
              const url = getAbsoluteUrl(articlePath(articleId, { quote: quote.id }))
              const citation = quoteCitation(quote, group, { outlet, headline, published }, url)
              void copyText(citation).then((ok) =>
                showToast(ok ? 'Quote and citation copied' : `Could not copy. The citation is ${citation}`),
              )
            }}
          >
            Copy with citation
          </button>
          <ShareButton
            path={articlePath(articleId, { quote: quote.id })}
            title={headline}
            text={`“${quote.text}” — ${group.name}`}
            accessibleLabel="Share this quote"
          />
        </span>
      ) : null}
    </span>
  )
}
