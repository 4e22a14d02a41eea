import { QueryClient } from '@tanstack/react-query'
import { DataError } from './data/fetch-json'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        // A missing or invalid file will not fix itself by retrying; a network blip might.
        retry: (failureCount, error) =>
          !(error instanceof DataError && error.kind !== 'network') && failureCount < 1,
        refetchOnWindowFocus: false,
      },
    },
  })
}
