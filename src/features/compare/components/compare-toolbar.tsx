import { Link } from 'react-router'
import { paths, type CompareFilter } from '../../../lib/paths'
import { formatCount, plural } from '../../../ui/format'
import { KIND_BADGE, KIND_LABEL } from '../model/labels'
import type { Side } from '../model/passages'

export type CompareCounts = { links: number; differences: number }

// Short labels on narrow screens, so the three filters fit on one row of a phone. Each count says what it
// counts (the noun is read out on a phone too, only not shown); "Everything" is both, so it has none.
const FILTERS: {
  value: CompareFilter
  label: string
  short: string
  count: ((counts: CompareCounts) => { n: number; one: string; many: string }) | null
}[] = [
  { value: 'all', label: 'Everything', short: 'All', count: null },
  {
    value: 'differ',
    label: 'Only what differs',
    short: 'Differs',
    count: (c) => ({ n: c.differences, one: 'passage', many: 'passages' }),
  },
  {
    value: 'shared',
    label: 'Only what is shared',
    short: 'Shared',
    count: (c) => ({ n: c.links, one: 'link', many: 'links' }),
  },
]

export function CompareFilters({
  leftId,
  rightId,
  filter,
  pane,
  counts,
}: {
  leftId: string
  rightId: string
  filter: CompareFilter
  pane: Side
  counts: CompareCounts
}) {
  return (
    <div className="cmp-filters" role="group" aria-labelledby="cmp-filters-label">
      <span id="cmp-filters-label" className="cmp-toolbar-label">
        Show
      </span>
      {FILTERS.map((f) => {
        const count = f.count?.(counts)
        return (
          <Link
            key={f.value}
            className="cmp-filter"
            // The selected link is kept out of filter links: it may not be shown under the new filter.
            to={paths.compare.build(leftId, rightId, {
              filter: f.value,
              pane: pane === 'right' ? 'right' : undefined,
            })}
            replace
            preventScrollReset
            aria-current={filter === f.value ? 'true' : undefined}
          >
            <span className="cmp-filter-long">{f.label}</span>
            <span className="cmp-filter-short">{f.short}</span>
            {count ? (
              <span className="cmp-count">
                {' '}
                ({formatCount(count.n)}
                <span className="cmp-count-noun"> {count.n === 1 ? count.one : count.many}</span>)
              </span>
            ) : null}
          </Link>
        )
      })}
    </div>
  )
}

/** The filter's short name, for the phone's menu button. */
export function filterShortLabel(filter: CompareFilter): string {
  return FILTERS.find((f) => f.value === filter)?.short ?? ''
}

export function LinkStepper({
  mode,
  position,
  total,
  canPrevious,
  canNext,
  onStep,
}: {
  mode: 'link' | 'difference'
  position: number | null
  total: number
  canPrevious: boolean
  canNext: boolean
  onStep: (step: 1 | -1) => void
}) {
  const noun = mode === 'link' ? 'link' : 'difference'
  return (
    <div
      className="cmp-stepper"
      role="group"
      aria-label={mode === 'link' ? 'Move between links' : 'Move between differences'}
    >
      {/* On a phone the arrows stand for the words, which stay the buttons' names. */}
      <button type="button" className="button cmp-button" disabled={!canPrevious} onClick={() => onStep(-1)}>
        <span className="cmp-step-arrow" aria-hidden="true">
          ‹
        </span>
        <span className="cmp-step-text">Previous {noun}</span>
      </button>
      <span className="cmp-stepper-position">
        {total === 0 ? `No ${noun}s` : position === null ? plural(total, noun) : `${position} of ${total}`}
      </span>
      <button type="button" className="button cmp-button" disabled={!canNext} onClick={() => onStep(1)}>
        <span className="cmp-step-text">Next {noun}</span>
        <span className="cmp-step-arrow" aria-hidden="true">
          ›
        </span>
      </button>
      <span className="cmp-keys">
        or press <kbd>j</kbd> / <kbd>k</kbd>
      </span>
    </div>
  )
}

export function KindLegend() {
  const kinds = ['same-quote', 'paraphrase', 'same-fact', 'only'] as const
  return (
    <div className="cmp-legend">
      <h2 className="cmp-toolbar-label" id="cmp-legend-title">
        Key
      </h2>
      <ul aria-labelledby="cmp-legend-title">
        {kinds.map((kind) => (
          <li key={kind}>
            <span className="cmp-legend-sample" data-kind={kind}>
              {kind === 'only' ? null : (
                <span className="cmp-badge" aria-hidden="true">
                  {KIND_BADGE[kind]}
                </span>
              )}
              {KIND_LABEL[kind]}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
