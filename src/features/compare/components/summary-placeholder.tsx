import { Component, type ReactNode } from 'react'

/** Where the comparison's summary goes, while it is computed or downloaded. */
export function SummaryPlaceholder() {
  return (
    <p id="cmp-summary" className="cmp-summary cmp-muted">
      Preparing the summary…
    </p>
  )
}

/**
 * The summary's own error boundary: its code failing to download (offline, or replaced by a new deploy)
 * says so in its place, with a way to try again, and leaves the side-by-side view above it alone.
 */
export class SummaryBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <p id="cmp-summary" className="cmp-summary cmp-notice" role="alert">
        The summary could not be loaded. Check your connection, then{' '}
        <button type="button" className="button cmp-button" onClick={() => this.setState({ failed: false })}>
          try again
        </button>
      </p>
    )
  }
}
