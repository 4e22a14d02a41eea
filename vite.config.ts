import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The site can live at the root or under a sub-path: PARALLAX_BASE=/parallax/ npm run build. */
function normaliseBase(raw: string | undefined): string {
  if (!raw || raw === '/') return '/'
  const trimmed = raw.replace(/^\/+|\/+$/g, '')
  return `/${trimmed}/`
}

export default defineConfig({
  base: normaliseBase(process.env.PARALLAX_BASE),
  plugins: [react()],
  build: {
    // Separate output folders let several builds (e.g. parallel test runs) coexist.
    outDir: process.env.PARALLAX_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
  },
  preview: { port: 4173, strictPort: true },
})
