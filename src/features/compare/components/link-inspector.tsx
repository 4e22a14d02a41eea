import type { Link } from '../../../core/schema'
import { paths, type CompareFilter } from '../../../lib/paths'
import { CopyLinkButton } from '../../../ui/copy-link-button'
import { formatNameList } from '../../../ui/format'
import { KIND_BADGE, linkKindLabel, percent } from '../model/labels'
import { LinkEvidence } from './link-evidence'
import type { Side } from '../model/passages'

/**
 * Who said the quotation the pair holds: one name when both articles credit the same person, each
 * side's otherwise; nothing when neither passage holds an attributed quote.
 */
function SaidBy({ speakers, labels }: { speakers: Record<Side, string[]>; labels: Record<Side, string> }) {
  const { left, right } = speakers
  if (left.length === 0 && right.length === 0) return null
  const same = left.length === right.length && left.every((name) => right.includes(name))
  if (same || left.length === 0 || right.length === 0) {
    const names = left.length > 0 ? left : right
    // A side without a name holds no attributed quote (its own wording, say): the credit is the other's.
    const from = same ? null : left.length > 0 ? labels.left : labels.right
    return (
      <p className="cmp-said-by">
        Said by <strong>{formatNameList(names)}</strong>
        {from ? <span className="cmp-muted">, as {from} quotes it</span> : null}
      </p>
    )
  }
  return (
    <p className="cmp-said-by">
      Said by <strong>{formatNameList(left)}</strong> in {labels.left}; by{' '}
      <strong>{formatNameList(right)}</strong> in {labels.right}
    </p>
  )
}

/**
 * The selected link: what kind it is, its score, its evidence on demand, and a way to reach the other
 * side — on a narrow screen the counterpart is in the hidden pane, so "Show counterpart" switches to it.
 */
export function LinkInspector({
  link,
  position,
  total,
  leftId,
  rightId,
  filter,
  counterpartLabel,
  speakers,
  labels,
  onShowCounterpart,
  onClear,
}: {
  link: Link
  position: number
  total: number
  leftId: string
  rightId: string
  filter: CompareFilter
  counterpartLabel: string
  /** Who said the quotations in each side's passage. */
  speakers: Record<Side, string[]>
  labels: Record<Side, string>
  onShowCounterpart: () => void
  onClear: () => void
}) {
  return (
    <section className="cmp-inspector" aria-labelledby="cmp-inspector-title" data-link-id={link.id}>
      <div className="cmp-inspector-row">
        <h2 id="cmp-inspector-title" className="cmp-inspector-title">
          <span className="cmp-badge" data-kind={link.kind} aria-hidden="true">
            {KIND_BADGE[link.kind]}
          </span>
          {linkKindLabel(link.kind)}
          <span className="cmp-muted">
            {' '}
            · {percent(link.score)} match · link {position} of {total}
          </span>
        </h2>
        <button
          type="button"
          className="button cmp-button cmp-clear"
          aria-label="Clear selection"
          onClick={onClear}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <SaidBy speakers={speakers} labels={labels} />
      <div className="cmp-inspector-actions">
        <button type="button" className="button cmp-button" onClick={onShowCounterpart}>
          Show counterpart<span className="cmp-sr-only"> in {counterpartLabel}</span>
        </button>
        <CopyLinkButton
          path={paths.compare.build(leftId, rightId, { link: link.id, filter })}
          label="Copy link"
          accessibleLabel="Copy link to this pair"
          copiedMessage="Link to this pair copied"
          className="cmp-button"
        />
        <LinkEvidence link={link} leftId={leftId} rightId={rightId} />
      </div>
    </section>
  )
}
