import type { Link } from '../../core/schema'
import { paths, type CompareFilter } from '../../lib/paths'
import { CopyLinkButton } from '../../ui/copy-link-button'
import { KIND_BADGE, linkKindLabel, percent } from './labels'
import { LinkEvidence } from './link-evidence'

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
