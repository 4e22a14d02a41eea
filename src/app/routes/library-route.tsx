import type { QueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { indexQueryOptions, useIndex } from '../../lib/data/get-index'
import { paths } from '../../lib/paths'

export const createLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(indexQueryOptions())
  return null
}

export function Component() {
  const index = useIndex()
  return (
    <section className="page">
      <h1>Library</h1>
      <ul>
        {index.articles.map((a) => (
          <li key={a.id}>
            <Link to={paths.article.build(a.id)}>{a.headline}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
