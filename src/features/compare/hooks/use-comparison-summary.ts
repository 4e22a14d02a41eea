import { startTransition, useEffect, useMemo, useState } from 'react'
import {
  summariseComparison,
  summariseComparisonInSteps,
  type ComparisonSummary,
} from '../../../core/compare-summary'
import type { Article, Comparison } from '../../../core/schema'
import { useFromServerHtml } from './use-from-server-html'

/** Main-thread time per slice of the summary's computation before the browser gets a turn. */
const SLICE_MS = 8

/**
 * The comparison's summary. Server HTML has it, so hydration computes it at once (the markup must
 * match). A page rendered in the browser computes it after the side-by-side view is drawn, in slices
 * of a few milliseconds with the browser free in between — comparing the wording of a hundred shared
 * quotes at once would block input for a long moment on a phone — and shows it when done (null until
 * then).
 */
export function useComparisonSummary(
  left: Article,
  right: Article,
  comparison: Comparison,
  /** Compute it at once even though this is not hydration (it replaces the prerendered summary). */
  immediate = false,
): ComparisonSummary | null {
  const fromServerHtml = useFromServerHtml() || immediate
  const atOnce = useMemo(
    () => (fromServerHtml ? summariseComparison(left, right, comparison) : null),
    [fromServerHtml, left, right, comparison],
  )
  const [computed, setComputed] = useState<{ for: Comparison; summary: ComparisonSummary } | null>(null)

  useEffect(() => {
    if (fromServerHtml) return
    const steps = summariseComparisonInSteps(left, right, comparison)
    let timer: ReturnType<typeof setTimeout> | undefined
    const slice = () => {
      const until = performance.now() + SLICE_MS
      for (;;) {
        const step = steps.next()
        if (step.done) {
          startTransition(() => setComputed({ for: comparison, summary: step.value }))
          return
        }
        if (performance.now() >= until) break
      }
      timer = setTimeout(slice, 0)
    }
    timer = setTimeout(slice, 0)
    return () => clearTimeout(timer)
  }, [fromServerHtml, left, right, comparison])

  if (atOnce) return atOnce
  return computed && computed.for === comparison ? computed.summary : null
}
