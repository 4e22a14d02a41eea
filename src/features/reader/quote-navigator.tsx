import { ArrowIcon } from '../../ui/icons'

type Props = {
  /** Position of the current quote among the navigable ones (1-based), or 0 before the first move. */
  position: number
  total: number
  speakerName: string | null
  /** The focused speaker's name, when next/previous only visit their quotes. */
  focusName: string | null
  onPrevious: () => void
  onNext: () => void
}

function status({ position, total, speakerName, focusName }: Props): string {
  if (total === 0) return focusName ? `No quotes by ${focusName}` : 'No quotes'
  const scope = focusName ? ` by ${focusName}` : ''
  if (position === 0) return `${total} ${total === 1 ? 'quote' : 'quotes'}${scope}`
  return `Quote ${position} of ${total}${scope}${speakerName && !focusName ? `: ${speakerName}` : ''}`
}

/** Previous/next quote, always in reach at the bottom of the screen; the status line is announced. */
export function QuoteNavigator(props: Props) {
  const disabled = props.total === 0
  return (
    <nav className="quote-nav" aria-label="Quotes">
      <button type="button" className="button" onClick={props.onPrevious} disabled={disabled}>
        <ArrowIcon direction="up" />
        <span>
          Previous <span className="nav-word">quote</span>
        </span>
      </button>
      <p className="quote-nav-status" role="status" aria-live="polite">
        {status(props)}
      </p>
      <button type="button" className="button" onClick={props.onNext} disabled={disabled}>
        <span>
          Next <span className="nav-word">quote</span>
        </span>
        <ArrowIcon direction="down" />
      </button>
    </nav>
  )
}
