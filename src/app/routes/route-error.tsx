import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, useTransition, type ReactNode } from 'react'
import { Link } from 'react-router'
import { DataError } from '../../lib/data/fetch-json'
import { paths } from '../../lib/paths'
import { DocumentTitle } from '../../ui/document-title'
import { NotFound } from './not-found-route'

function describe(error: unknown): { title: string; message: string } {
  if (error instanceof DataError) {
    if (error.kind === 'network') return { title: 'This page could not be loaded', message: error.message }
    return {
      title: 'This page could not be shown',
      message: `${error.message} Trying again may help if the site was being updated.`,
    }
  }
  return {
    title: 'This page could not be shown',
    message: 'Something went wrong while showing this page. Trying again may help.',
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof DataError && error.kind === 'not-found'
}

/**
 * Errors inside a page: not-found for unknown ids, otherwise a clear message with "Try again". It replaces
 * only the page, so the header (and the way back to the library) keep working.
 */
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const { reset } = useQueryErrorResetBoundary()
  // Trying again renders the page in a transition: this view (and "Trying again…") stays up until the
  // page is ready, or fails again.
  const [retrying, startRetry] = useTransition()
  if (isNotFound(error)) return <NotFound />
  const { title, message } = describe(error)
  return (
    <section className="page message-page error-page" aria-labelledby="error-title">
      <DocumentTitle title={title} />
      <h1 id="error-title">{title}</h1>
      <p role="alert">{message}</p>
      <p className="error-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={retrying}
          onClick={() => {
            if (retrying) return
            reset()
            startRetry(retry)
          }}
        >
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
        <Link className="button" to={paths.library.build()}>
          Back to the library
        </Link>
      </p>
    </section>
  )
}

type BoundaryProps = {
  children: ReactNode
  /** A new value (the next history entry) clears the error: the reader has moved on. */
  resetKey: string
  /** An error that happened before the first render (while preloading the first page). */
  initialError?: unknown
  /** Called before the page is rendered again after "Try again". */
  onRetry?: () => void
}

type BoundaryState = { failed: boolean; error: unknown; resetKey: string }

export class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  constructor(props: BoundaryProps) {
    super(props)
    this.state = {
      failed: props.initialError !== undefined,
      error: props.initialError,
      resetKey: props.resetKey,
    }
  }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: true, error }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (props.resetKey === state.resetKey) return null
    return { failed: false, error: undefined, resetKey: props.resetKey }
  }

  retry = () => {
    this.props.onRetry?.()
    this.setState({ failed: false, error: undefined })
  }

  override render() {
    return this.state.failed ? (
      <RouteError error={this.state.error} retry={this.retry} />
    ) : (
      this.props.children
    )
  }
}
