import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { createRoutes } from './app/router'
import { basePath } from './lib/paths'
import { createQueryClient } from './lib/query-client'
import { applyTheme } from './ui/theme-toggle'
import './app/styles.css'

applyTheme()
const queryClient = createQueryClient()
const router = createBrowserRouter(createRoutes(queryClient), {
  basename: basePath().replace(/\/$/, '') || '/',
})

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
