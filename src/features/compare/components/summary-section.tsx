import type { Article, Comparison } from '../../../core/schema'
import { downloadCsv } from '../../../lib/csv'
import { comparisonCsvRows } from '../model/comparison-csv'
import { SummaryPlaceholder } from './summary-placeholder'
import { ComparisonSummaryPanel } from './comparison-summary'
import type { Side } from '../model/passages'
import { useComparisonSummary } from '../hooks/use-comparison-summary'

export type SummarySectionProps = {
  left: Article
  right: Article
  comparison: Comparison
  labels: Record<Side, string>
}

/**
 * The summary below the side-by-side view; loaded by compare-page.tsx when it is seen. `immediate`:
 * compute it in this render (it replaces the same summary, prerendered), not in steps after it.
 */
export function SummarySection({
  left,
  right,
  comparison,
  labels,
  immediate = false,
}: SummarySectionProps & { immediate?: boolean }) {
  const summary = useComparisonSummary(left, right, comparison, immediate)
  if (!summary) return <SummaryPlaceholder />
  return (
    <>
      <ComparisonSummaryPanel summary={summary} labels={labels} />
      {/* Live only (the prerendered summary has no script to run it), so here rather than in the panel. */}
      <p className="cmp-export">
        <button
          type="button"
          className="button cmp-button"
          onClick={() =>
            downloadCsv(
              `Comparison - ${labels.left} and ${labels.right}`,
              comparisonCsvRows(left, right, comparison, summary, labels),
            )
          }
        >
          Download the summary and links (CSV)
        </button>
      </p>
    </>
  )
}
