import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { useState } from 'react'
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router'
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

/**
 * Errors inside a page: not-found for unknown ids, otherwise a clear message with "Try again". It replaces
 * only the page, so the header (and the way back to the library) keep working.
 */
export function RouteError() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const { reset } = useQueryErrorResetBoundary()
  const [retrying, setRetrying] = useState(false)
  if (
    (error instanceof DataError && error.kind === 'not-found') ||
    (isRouteErrorResponse(error) && error.status === 404)
  ) {
    return <NotFound />
  }
  const { title, message } = describe(error)
  const busy = retrying || revalidator.state === 'loading'
  return (
    <section className="page message-page error-page" aria-labelledby="error-title">
      <DocumentTitle title={title} />
      <h1 id="error-title">{title}</h1>
      <p role="alert">{message}</p>
      <p className="error-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy}
          onClick={() => {
            if (busy) return
            setRetrying(true)
            reset()
            void revalidator.revalidate().finally(() => setRetrying(false))
          }}
        >
          {busy ? 'Trying again…' : 'Try again'}
        </button>
        <Link className="button" to={paths.library.build()}>
          Back to the library
        </Link>
      </p>
    </section>
  )
}
