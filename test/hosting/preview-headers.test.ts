import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { preview } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'

/** `npm start` (vite preview) answers with the production security headers, read from the nginx config. */
const root = path.resolve(import.meta.dirname, '../..')
let outDir = ''
let server: Awaited<ReturnType<typeof preview>> | null = null

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'parallax-preview-'))
  writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>Library</title>')
  writeFileSync(path.join(outDir, '404.html'), '<!doctype html><title>Page not found</title>')
  server = await preview({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, strictPort: false },
  })
})

afterAll(async () => {
  await server?.close()
  rmSync(outDir, { recursive: true, force: true })
})

it('serves pages and not-found answers under the same strict Content-Security-Policy as nginx', async () => {
  const address = server!.resolvedUrls!.local[0]!
  for (const [url, status] of [
    [address, 200],
    [`${address}no/such/page`, 404],
  ] as const) {
    const res = await fetch(url)
    expect(res.status).toBe(status)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  }
})
