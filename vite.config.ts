import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The site can live at the root or under a sub-path: PARALLAX_BASE=/parallax/ npm run build. The
 * prerenderer (src/ingest/prerender.ts) builds src/entry-server.tsx with this same config, so the
 * server render and the browser agree on the base. See docs/hosting.md.
 */
function normaliseBase(raw: string | undefined): string {
  if (!raw || raw === '/') return '/'
  const trimmed = raw.replace(/^\/+|\/+$/g, '')
  // The base ends up in HTML attributes, nginx locations and router matching: keep it to plain URL characters.
  if (
    !/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(trimmed) ||
    trimmed.split('/').some((s) => /^\.+$/.test(s))
  ) {
    throw new Error(`PARALLAX_BASE must be a path like /parallax/ (letters, digits, . _ ~ -); got "${raw}"`)
  }
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
    // The CSP's font-src falls back to default-src 'self', which does not allow data: URLs: fonts are
    // always files. (Small images may still be inlined: img-src allows data:.)
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
  },
  preview: { port: 4173, strictPort: true },
})
