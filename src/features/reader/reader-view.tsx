import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useSearchParams } from 'react-router'
import type { Article, Quote } from '../../core/schema'
import { downloadCsv } from '../../lib/csv'
import { getAbsoluteUrl } from '../../lib/paths'
import { plural } from '../../ui/format'
import { analyseArticleQuotes } from './article-quotes'
import { ArticleBody } from './article-body'
import { ArticleHeader } from './article-header'
import { quoteRows } from './citation'
import { OtherCoverage, type Coverage } from './other-coverage'
import { createQuotePopoverStore } from './quote-popover-store'
import { QuoteNavigator } from './quote-navigator'
import './reader-selection.css'
import { ReaderContext, type ReaderState } from './reader-context'
import { readReaderTarget, type ReaderTarget } from './reader-params'
import { SelectionLinkBar, useSelectionLink } from './selection-link-bar'
import { setShortcutsEnabled, useShortcutsEnabled } from './shortcut-setting'
import { SpeakerPanel } from './speaker-panel'
import { useQuoteShortcuts } from './use-quote-shortcuts'
import { useArticlePath } from './article-path'

function scrollBehaviour(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
    ? 'auto'
    : 'smooth'
}

/**
 * Focus an element without the browser's jump, then bring it to the middle of the screen: smoothly when the
 * reader moves within the page, at once when a link opens the page there.
 */
function reveal(id: string, smooth = true, focus = true): boolean {
  const el = document.getElementById(id)
  if (!el) return false
  if (focus) el.focus({ preventScroll: true })
  el.scrollIntoView({ block: 'center', behavior: smooth ? scrollBehaviour() : 'auto' })
  return true
}

const MISSING_TEXT: Record<ReaderTarget['missing'][number], string> = {
  paragraph: 'The paragraph this link points to is not in this article (any more).',
  quote: 'The quote this link points to is not in this article (any more).',
  speaker: 'The person this link points to is not quoted in this article.',
  selection: 'This passage is no longer in the article.',
}

/** Closest element marking a quote (its mark, label or details) and that quote's id. */
function quoteIdAt(target: EventTarget | null): string | null {
  return target instanceof Element
    ? (target.closest('[data-quote-id]')?.getAttribute('data-quote-id') ?? null)
    : null
}

/**
 * One article with every quote highlighted and attributed, the people quoted, and next/previous quote.
 * URL parameters: `?speaker=` focuses a person, `?quote=` and `?paragraph=` open the page at that place.
 */
const noSubscription = () => () => {}

export function ArticleReader({
  article,
  coverage = null,
}: {
  article: Article
  /** The other articles of its story, once the index is known (null before, or when there are none). */
  coverage?: Coverage | null
}) {
  // False in prerendered HTML and while hydrating, true once handlers are attached: `data-ready` tells
  // tests (and styles, if ever needed) when keys and clicks do something.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [searchParams, setSearchParams] = useSearchParams()
  const quotes = useMemo(() => analyseArticleQuotes(article), [article])
  const target = useMemo(() => readReaderTarget(searchParams, quotes), [searchParams, quotes])
  const [popover] = useState(createQuotePopoverStore)
  const [highlights, setHighlights] = useState(true)
  const shortcuts = useShortcutsEnabled()
  const articlePath = useArticlePath()
  const readerRef = useRef<HTMLDivElement>(null)
  const selectionBarRef = useRef<HTMLDivElement>(null)
  const paragraphText = useMemo(
    () => new Map(quotes.blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.id, b.text] as const)),
    [quotes],
  )
  const selectionLink = useSelectionLink(readerRef, selectionBarRef, article.id, paragraphText)
  const isFirstReveal = useRef(true)

  // The quote reached with next/previous; a new link target (`?quote=`) starts from that quote instead.
  const [moved, setMoved] = useState<{ from: string | null; id: string } | null>(null)
  const currentQuote = moved && moved.from === target.quote ? moved.id : target.quote

  const focusGroup = target.speaker ? (quotes.groups.find((g) => g.id === target.speaker) ?? null) : null
  const placed = useMemo(() => new Set(quotes.order.map((q) => q.id)), [quotes])
  const navigable = useMemo(
    () => (focusGroup ? focusGroup.quotes.filter((q) => placed.has(q.id)) : quotes.order),
    [focusGroup, placed, quotes],
  )
  const readingIndex = useMemo(() => new Map(quotes.order.map((q, i) => [q.id, i] as const)), [quotes])

  const goTo = useCallback(
    (quote: Quote) => {
      popover.close()
      setMoved({ from: target.quote, id: quote.id })
      reveal(quote.id)
    },
    [popover, target.quote],
  )
  // A quote the reader clicked or tapped becomes the current one, so next/previous continue from it.
  const markCurrent = useCallback(
    (quoteId: string) => setMoved({ from: target.quote, id: quoteId }),
    [target.quote],
  )

  const step = useCallback(
    (direction: 1 | -1) => {
      const n = navigable.length
      if (n === 0) return
      let index: number
      const at = currentQuote ? navigable.findIndex((q) => q.id === currentQuote) : -1
      if (at >= 0) {
        index = (at + direction + n) % n
      } else {
        // Start from where the reader is: the current quote's place in the text, or the screen's top.
        const from = currentQuote !== null ? (readingIndex.get(currentQuote) ?? -1) : -1
        const after =
          from >= 0
            ? navigable.findIndex((q) => (readingIndex.get(q.id) ?? 0) > from)
            : navigable.findIndex(
                (q) => (document.getElementById(q.id)?.getBoundingClientRect().top ?? 0) >= 0,
              )
        const next = after === -1 ? 0 : after
        index = direction === 1 ? next : (next - 1 + n) % n
      }
      const quote = navigable[index]
      if (quote) goTo(quote)
    },
    [navigable, currentQuote, readingIndex, goTo],
  )
  const onNext = useCallback(() => step(1), [step])
  const onPrevious = useCallback(() => step(-1), [step])
  const onEscape = useCallback(() => {
    const open = popover.get()
    if (!open) return
    // Escape from inside the details returns to the label that opened them. Focus first, close after:
    // the label's focus would otherwise show the details again.
    const chip = document.querySelector<HTMLElement>(`[data-chip-for="${open.quoteId}"]`)
    if (chip && chip !== document.activeElement && chip.parentElement?.contains(document.activeElement))
      chip.focus()
    popover.close()
  }, [popover])
  useQuoteShortcuts({ enabled: shortcuts, onNext, onPrevious, onEscape })

  const focusSpeaker = useCallback(
    (groupId: string | null) => {
      // Choosing a person moves to their first quote, and the count starts there ("Quote 1 of N by …").
      // Focus stays on the person's button, so the panel's list of their quotes is next for a keyboard.
      const first = groupId
        ? quotes.groups.find((g) => g.id === groupId)?.quotes.find((q) => placed.has(q.id))
        : undefined
      if (first) {
        popover.close()
        setMoved({ from: target.quote, id: first.id })
        reveal(first.id, true, false)
      }
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          if (groupId) next.set('speaker', groupId)
          else next.delete('speaker')
          return next
        },
        { preventScrollReset: true },
      )
    },
    [setSearchParams, quotes, placed, popover, target.quote],
  )

  // Open the page where the link points: scroll there and move focus, so reading continues from it.
  const passageKey = target.selection
    ? `${target.selection.paragraphId}:${target.selection.start}:${target.selection.end}`
    : null
  useEffect(() => {
    const smooth = !isFirstReveal.current
    isFirstReveal.current = false
    const id = target.quote ?? target.paragraph
    if (id) {
      reveal(id, smooth)
      return
    }
    const passage = target.selection
    if (!passage) return
    // Focus the paragraph (a screen reader reads it whole, not a fragment), then bring the passage
    // itself to the middle of the screen: in a long paragraph it may be far below the paragraph's start.
    const paragraph = document.getElementById(passage.paragraphId)
    if (!paragraph) return
    paragraph.focus({ preventScroll: true })
    const mark = paragraph.querySelector('[data-passage-mark]') ?? paragraph
    mark.scrollIntoView({ block: 'center', behavior: smooth ? scrollBehaviour() : 'auto' })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- passageKey stands for target.selection's value
  }, [target.quote, target.paragraph, passageKey])

  // Hover shows who said a quote (mouse and pen only: touch has no hover, a tap opens the details).
  useEffect(() => {
    const root = readerRef.current
    if (!root) return
    const over = (event: PointerEvent) => {
      if (event.pointerType === 'touch') return
      const id = quoteIdAt(event.target)
      if (id) popover.peek(id, true)
    }
    const out = (event: PointerEvent) => {
      if (event.pointerType === 'touch') return
      const from = quoteIdAt(event.target)
      if (from && quoteIdAt(event.relatedTarget) !== from) popover.leave()
    }
    const click = (event: MouseEvent) => {
      const id = quoteIdAt(event.target)
      if (id && quotes.groupOf.has(id)) markCurrent(id)
    }
    const down = (event: PointerEvent) => {
      const open = popover.get()
      if (!open) return
      const wrap = event.target instanceof Element ? event.target.closest('.quote-chip-wrap') : null
      if (wrap?.getAttribute('data-quote-id') !== open.quoteId) popover.close()
    }
    root.addEventListener('pointerover', over)
    root.addEventListener('pointerout', out)
    root.addEventListener('click', click)
    document.addEventListener('pointerdown', down)
    return () => {
      root.removeEventListener('pointerover', over)
      root.removeEventListener('pointerout', out)
      root.removeEventListener('click', click)
      document.removeEventListener('pointerdown', down)
    }
  }, [popover, quotes, markCurrent])

  useEffect(() => () => popover.dispose(), [popover])

  const state: ReaderState = useMemo(
    () => ({
      articleId: article.id,
      headline: article.headline,
      outlet: article.outlet,
      published: article.published,
      quotes,
      popover,
      focusSpeaker: target.speaker,
      targetQuote: target.quote,
      currentQuote,
    }),
    [
      article.id,
      article.headline,
      article.outlet,
      article.published,
      quotes,
      popover,
      target.speaker,
      target.quote,
      currentQuote,
    ],
  )

  const people = quotes.groups.filter((g) => g.colour > 0).length
  const position = currentQuote ? navigable.findIndex((q) => q.id === currentQuote) + 1 : 0
  const currentGroup = currentQuote ? quotes.groupOf.get(currentQuote) : undefined

  return (
    <ReaderContext.Provider value={state}>
      <div
        ref={readerRef}
        data-ready={ready ? 'true' : undefined}
        className={['reader', highlights ? '' : 'highlights-off', target.speaker ? 'has-speaker-focus' : '']
          .filter(Boolean)
          .join(' ')}
      >
        <article className="reader-article" aria-labelledby="headline">
          <ArticleHeader article={article} />
          <p className="reader-quote-summary">
            <a
              href="#quotes"
              onClick={(event) => {
                event.preventDefault()
                reveal('quotes')
              }}
            >
              {article.quotes.length === 0
                ? 'No quotes found'
                : `${plural(article.quotes.length, 'quote')} from ${plural(people, 'person', 'people')}`}
            </a>
            {quotes.unplaced.length > 0 ? (
              <span className="muted"> ({quotes.unplaced.length} could not be located in the text)</span>
            ) : null}
          </p>
          {target.missing.length > 0 ? (
            <div className="notice" role="status">
              {target.missing.map((m) => (
                <p key={m}>{MISSING_TEXT[m]}</p>
              ))}
            </div>
          ) : null}
          <ArticleBody targetParagraph={target.paragraph} passage={target.selection} />
          {coverage ? <OtherCoverage articleId={article.id} coverage={coverage} /> : null}
        </article>
        <section id="quotes" tabIndex={-1} className="reader-tools" aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">Quotes in this article</h2>
          <label className="switch-field">
            <input
              type="checkbox"
              role="switch"
              checked={highlights}
              onChange={(event) => {
                popover.close()
                setHighlights(event.currentTarget.checked)
              }}
            />
            <span>Highlight quotes</span>
          </label>
          <SpeakerPanel
            articleId={article.id}
            groups={quotes.groups}
            focused={target.speaker}
            placed={placed}
            onFocus={focusSpeaker}
          />
          {article.quotes.length > 0 ? (
            <div className="reader-export">
              <h3>Export</h3>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  downloadCsv(
                    `${article.id}-quotes`,
                    quoteRows(
                      article,
                      [...quotes.order, ...quotes.unplaced],
                      (id) => quotes.groupOf.get(id),
                      (id) => getAbsoluteUrl(articlePath(article.id, { quote: id })),
                    ),
                  )
                }
              >
                Download quotes (CSV)
              </button>
            </div>
          ) : null}
          <div className="shortcuts">
            <h3>Keyboard</h3>
            <p>
              <kbd>J</kbd> or <kbd>N</kbd> next quote, <kbd>K</kbd> or <kbd>P</kbd> previous quote,{' '}
              <kbd>Esc</kbd> closes a quote’s details.
            </p>
            <label className="switch-field">
              <input
                type="checkbox"
                checked={shortcuts}
                onChange={(event) => setShortcutsEnabled(event.currentTarget.checked)}
              />
              <span>Single-key shortcuts</span>
            </label>
          </div>
        </section>
        {/* Docked together at the bottom of the reader: the selection bar sits above the navigator, and
            both stay above the footer when the page ends. */}
        <div className="reader-dock">
          <SelectionLinkBar link={selectionLink} barRef={selectionBarRef} />
          <QuoteNavigator
            position={position}
            total={navigable.length}
            speakerName={currentGroup?.name ?? null}
            focusName={focusGroup?.name ?? null}
            onPrevious={onPrevious}
            onNext={onNext}
          />
        </div>
      </div>
    </ReaderContext.Provider>
  )
}
