import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router'
import { DataError } from '../../lib/data/fetch-json'
import { paths } from '../../lib/paths'
import { NotFound } from './not-found-route'

/** Errors inside a page: not-found for unknown ids, otherwise a clear message with "Try again". */
export function RouteError() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const { reset } = useQueryErrorResetBoundary()
  if (
    (error instanceof DataError && error.kind === 'not-found') ||
    (isRouteErrorResponse(error) && error.status === 404)
  ) {
    return <NotFound />
  }
  const message = error instanceof DataError ? error.message : 'Something went wrong while showing this page.'
  return (
    <section className="page error-page" aria-labelledby="error-title">
      <h1 id="error-title">This page could not be shown</h1>
      <p role="alert">{message}</p>
      <p className="error-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            reset()
            void revalidator.revalidate()
          }}
        >
          Try again
        </button>
        <Link className="button button-secondary" to={paths.library.build()}>
          Back to the library
        </Link>
      </p>
    </section>
  )
}
