import { useId, useMemo } from 'react'
import type { Article } from '../../core/schema'
import type { RemovedLine } from './analyse-protocol'
import type { ArticleDraft } from './draft'
import { HighlightedText } from './highlighted-text'
import { reasonText } from './reasons'

function QuoteList({ article }: { article: Article }) {
  const names = useMemo(() => new Map(article.speakers.map((s) => [s.id, s.name])), [article])
  if (article.quotes.length === 0) return <p>No quotations were found.</p>
  return (
    <ol className="add-quote-list">
      {article.quotes.map((q) => (
        <li key={q.id}>
          <q>{q.text}</q> —{' '}
          <span className="add-speaker">
            {q.speakerId ? (names.get(q.speakerId) ?? q.speakerId) : 'speaker not found'}
          </span>
        </li>
      ))}
    </ol>
  )
}

/** The theme's speaker colours, in order of first quote (eight, then around again); 0 for unknown. */
function speakerClasses(article: Article): (speakerId: string | null) => string {
  const order = new Map<string, number>()
  for (const q of article.quotes) {
    if (q.speakerId && !order.has(q.speakerId)) order.set(q.speakerId, (order.size % 8) + 1)
  }
  return (id) => `speaker-${(id && order.get(id)) || 0}`
}

function ArticleText({ article }: { article: Article }) {
  const speakerClass = useMemo(() => speakerClasses(article), [article])
  const quotesIn = (id: string) => article.quotes.filter((q) => q.paragraphId === id)
  return (
    <div className="add-preview-text">
      {article.paragraphs.map((p) => (
        <p key={p.id}>
          <HighlightedText text={p.text} quotes={quotesIn(p.id)} speakerClass={speakerClass} />
        </p>
      ))}
    </div>
  )
}

type PreviewProps = {
  draft: ArticleDraft
  removed: readonly RemovedLine[]
  choices: readonly string[]
  busy: boolean
  onHeadline: (line: string) => void
  onPublished: (value: string) => void
}

function YoursMark({ yours }: { yours: boolean }) {
  return yours ? <span className="add-yours"> (your correction)</span> : null
}

/** What was found, before saving: structure, body with its quotes marked, the lines left out and why. */
export function DraftPreview({ draft, removed, choices, busy, onHeadline, onPublished }: PreviewProps) {
  const { article, corrections } = draft
  const headlineId = useId()
  const dateId = useId()
  const speakers = article.speakers.length
  return (
    <div className="add-preview">
      <dl className="add-fields">
        <dt>Headline</dt>
        <dd>
          <strong className="add-headline">{article.headline}</strong>
          <YoursMark yours={!!corrections.headline} />
        </dd>
        {article.deck ? (
          <>
            <dt>Deck</dt>
            <dd>{article.deck}</dd>
          </>
        ) : null}
        <dt>Byline</dt>
        <dd>{article.byline ?? 'not stated'}</dd>
        <dt>Date</dt>
        <dd>
          {article.published ?? 'not stated'}
          <YoursMark yours={!!corrections.published} />
        </dd>
      </dl>
      <div className="add-corrections">
        <label htmlFor={headlineId}>Another line as the headline</label>
        <select
          id={headlineId}
          value={article.headline}
          disabled={busy}
          onChange={(event) => onHeadline(event.target.value)}
        >
          {choices.map((line) => (
            <option key={line} value={line}>
              {line.length > 90 ? `${line.slice(0, 89)}…` : line}
            </option>
          ))}
        </select>
        <label htmlFor={dateId}>Correct the date</label>
        <input
          id={dateId}
          type="date"
          value={article.published ?? ''}
          onChange={(event) => onPublished(event.target.value)}
        />
      </div>
      <h3>
        The article, with its {article.quotes.length} {article.quotes.length === 1 ? 'quote' : 'quotes'}{' '}
        highlighted
      </h3>
      <ArticleText article={article} />
      <h3>
        Quotes and who said them ({speakers} {speakers === 1 ? 'speaker' : 'speakers'})
      </h3>
      <QuoteList article={article} />
      <details className="add-removed">
        <summary>Lines left out of the article ({removed.length})</summary>
        {removed.length === 0 ? (
          <p>None were left out{draft.origin.fileName ? ' after the page’s own extraction' : ''}.</p>
        ) : (
          <ul>
            {removed.map((r, i) => (
              <li key={i}>
                <span className="add-removed-text">{r.text}</span> — <em>{reasonText(r.reason)}</em>
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  )
}
