import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type {
  ComparisonSummary,
  OneSideEntity,
  QuoteShare,
  SharedQuote,
  SideSummary,
} from '../../../core/compare-summary'
import { paths } from '../../../lib/paths'
import { plural } from '../../../ui/format'
import { percent } from '../model/labels'
import type { Side } from '../model/passages'
import { WordDiff } from './word-diff'

const SIDES: readonly Side[] = ['left', 'right']

function Row({
  label,
  labels,
  cell,
}: {
  label: string
  labels: Record<Side, string>
  cell: (side: Side) => ReactNode
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {SIDES.map((side) => (
        <td key={side}>
          {/* On narrow screens the table is stacked and this names the side. */}
          <span className="cmp-cell-side">{labels[side]}</span>
          {cell(side)}
        </td>
      ))}
    </tr>
  )
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="cmp-muted">{children}</span>
}

function QuoteShareList({ shares }: { shares: readonly QuoteShare[] }) {
  if (shares.length === 0) return <Muted>Nobody is quoted</Muted>
  return (
    <ul className="cmp-share">
      {shares.map((s) => (
        <li key={s.speakerId ?? '(unknown)'}>
          <span className="cmp-share-name">{s.name ?? 'Speaker not identified'}</span>{' '}
          <span className="cmp-share-value">
            {percent(s.share)} of quoted words ({plural(s.quotes, 'quote')}, {plural(s.words, 'word')})
          </span>
          <svg
            className="cmp-share-bar"
            viewBox="0 0 100 6"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            <rect className="cmp-share-track" width="100" height="6" />
            <rect className="cmp-share-fill" width={Math.max(1, s.share * 100)} height="6" />
          </svg>
        </li>
      ))}
    </ul>
  )
}

function EntityList({ entities }: { entities: readonly OneSideEntity[] }) {
  if (entities.length === 0) return <Muted>None</Muted>
  return (
    <ul className="cmp-chips">
      {entities.map((e) => (
        <li key={e.id}>{e.name}</li>
      ))}
    </ul>
  )
}

function fidelityLabel(q: SharedQuote): string {
  return q.fidelity === 'verbatim' ? 'Verbatim' : q.fidelity === 'trimmed' ? 'Trimmed' : 'Paraphrased'
}

function wordsOnly(q: SharedQuote, type: 'removed' | 'added'): string[] {
  return q.ops.filter((op) => op.type === type).map((op) => op.text)
}

function quoted(list: readonly string[]): string {
  return list.map((t) => `“${t}”`).join(', ')
}

function FidelityExplained({ q, labels }: { q: SharedQuote; labels: Record<Side, string> }) {
  if (q.fidelity === 'verbatim') return <p>Both quote the same words.</p>
  if (!q.left.quoted || !q.right.quoted) {
    const unquoted = q.left.quoted ? labels.right : labels.left
    return <p>{unquoted} reports the statement in its own words, without quotation marks.</p>
  }
  if (q.fidelity === 'trimmed') {
    const onlyLeft = wordsOnly(q, 'removed')
    const onlyRight = wordsOnly(q, 'added')
    return (
      <p>
        {onlyLeft.length > 0 ? `${labels.right} leaves out ${quoted(onlyLeft)}.` : null}
        {onlyLeft.length > 0 && onlyRight.length > 0 ? ' ' : null}
        {onlyRight.length > 0 ? `${labels.left} leaves out ${quoted(onlyRight)}.` : null}
      </p>
    )
  }
  return <p>The quoted words differ.</p>
}

function SharedQuoteItem({
  q,
  labels,
  leftId,
  rightId,
}: {
  q: SharedQuote
  labels: Record<Side, string>
  leftId: string
  rightId: string
}) {
  const speaker = q.left.speaker ?? q.right.speaker
  return (
    <li className="cmp-shared-quote" data-fidelity={q.fidelity}>
      <p className="cmp-shared-quote-head">
        <span className="cmp-fidelity">{fidelityLabel(q)}</span>
        {speaker ? <span> · {speaker}</span> : null}
      </p>
      <div className="cmp-shared-quote-sides">
        {SIDES.map((side) => (
          <div key={side}>
            <p className="cmp-side-name">{labels[side]}</p>
            <p className="cmp-quote-text">{q[side].quoted ? `“${q[side].text}”` : q[side].text}</p>
          </div>
        ))}
      </div>
      <FidelityExplained q={q} labels={labels} />
      {q.fidelity !== 'verbatim' ? (
        <div className="cmp-diff-block">
          <p className="cmp-diff-title">
            Word by word: <del>struck through</del> only {labels.left}, <ins>underlined</ins> only{' '}
            {labels.right}
          </p>
          <WordDiff ops={q.ops} leftLabel={labels.left} rightLabel={labels.right} />
        </div>
      ) : null}
      <p>
        <Link to={paths.compare.build(leftId, rightId, { link: q.linkId })} preventScrollReset>
          Show this pair side by side
        </Link>
      </p>
    </li>
  )
}

/** The summary panel: each outlet's framing and choices, side by side, with the quotes both carry. */
export function ComparisonSummaryPanel({
  summary,
  labels,
}: {
  summary: ComparisonSummary
  labels: Record<Side, string>
}) {
  const s: Record<Side, SideSummary> = summary
  return (
    <section id="cmp-summary" className="cmp-summary" aria-labelledby="cmp-summary-title">
      <h2 id="cmp-summary-title">At a glance</h2>
      <table className="cmp-summary-table">
        <thead>
          <tr>
            <td />
            {SIDES.map((side) => (
              <th key={side} scope="col">
                {labels[side]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Row label="Headline" labels={labels} cell={(side) => s[side].headline} />
          <Row label="Deck" labels={labels} cell={(side) => s[side].deck ?? <Muted>No deck</Muted>} />
          <Row label="Lead" labels={labels} cell={(side) => s[side].lead ?? <Muted>No body text</Muted>} />
          <Row label="Length" labels={labels} cell={(side) => plural(s[side].words, 'word')} />
          <Row
            label="Quotes"
            labels={labels}
            cell={(side) =>
              s[side].quoteCount === 0 ? (
                <Muted>None</Muted>
              ) : (
                `${plural(s[side].quoteCount, 'quote')} (${plural(s[side].quotedWords, 'word')})`
              )
            }
          />
          <Row
            label="Who is quoted"
            labels={labels}
            cell={(side) => <QuoteShareList shares={s[side].quoteShare} />}
          />
          <Row
            label="People only this side names"
            labels={labels}
            cell={(side) => <EntityList entities={s[side].onlyHere.person} />}
          />
          <Row
            label="Places only this side names"
            labels={labels}
            cell={(side) => <EntityList entities={s[side].onlyHere.place} />}
          />
          <Row
            label="Organisations only this side names"
            labels={labels}
            cell={(side) => <EntityList entities={s[side].onlyHere.organization} />}
          />
        </tbody>
      </table>
      <h3>Quotes both carry</h3>
      {summary.sharedQuotes.length === 0 ? (
        <p className="cmp-muted">No quotation appears in both articles.</p>
      ) : (
        <ol className="cmp-shared-quotes">
          {summary.sharedQuotes.map((q) => (
            <SharedQuoteItem
              key={q.linkId}
              q={q}
              labels={labels}
              leftId={summary.left.articleId}
              rightId={summary.right.articleId}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
