import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import type { Article } from '../../core/schema'
import { paths } from '../../lib/paths'
import type { Coverage } from './other-coverage'
import { ArticleReader } from './reader-view'

/** Renders the reader at a URL inside a memory router, as the app's article route would. */
export function renderReader(
  article: Article,
  url: string = paths.article.build(article.id),
  coverage: Coverage | null = null,
) {
  const router = createMemoryRouter(
    [
      {
        path: paths.article.pattern,
        element: <ArticleReader key={article.id} article={article} coverage={coverage} />,
      },
    ],
    { initialEntries: [url] },
  )
  const view = render(<RouterProvider router={router} />)
  return { ...view, router, search: () => new URLSearchParams(router.state.location.search) }
}
