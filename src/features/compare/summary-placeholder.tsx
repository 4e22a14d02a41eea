/** Where the comparison's summary goes, while it is computed or downloaded. */
export function SummaryPlaceholder() {
  return (
    <p id="cmp-summary" className="cmp-summary cmp-muted">
      Preparing the summary…
    </p>
  )
}
