import type { QueryClient } from '@tanstack/react-query'
import type { RouteObject } from 'react-router'
import { paths } from '../lib/paths'
import { RootLayout } from './routes/root'
import { RouteError } from './routes/route-error'

/**
 * One route tree for the browser and the prerenderer. Route modules are lazy so the first view only
 * downloads what it shows; their loaders warm the query cache (`ensureQueryData`) and components read it
 * with `useSuspenseQuery`.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RouteError,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              lazy: async () => {
                const m = await import('./routes/library-route')
                return { loader: m.createLoader(queryClient), Component: m.Component }
              },
            },
            {
              path: paths.article.pattern,
              lazy: async () => {
                const m = await import('./routes/article-route')
                return { loader: m.createLoader(queryClient), Component: m.Component }
              },
            },
            {
              path: paths.compare.pattern,
              lazy: async () => {
                const m = await import('./routes/compare-route')
                return { loader: m.createLoader(queryClient), Component: m.Component }
              },
            },
            {
              path: '*',
              lazy: async () => {
                const m = await import('./routes/not-found-route')
                return { Component: m.Component }
              },
            },
          ],
        },
      ],
    },
  ]
}
