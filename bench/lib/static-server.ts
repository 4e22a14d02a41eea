/**
 * A small static server that behaves like the shipped nginx config where it matters for speed: gzip for text,
 * long cache for hashed assets and none for HTML, prerendered `<path>/index.html` files, 404.html (the app) for
 * unknown routes (a real 404 for missing assets and data, so stale chunks and missing files fail as they do in
 * production), and the Content-Security-Policy. Used when nginx is not installed (see serve-site.ts).
 */
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
}
const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
])

const securityHeaders = {
  'Content-Security-Policy': "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

export type StaticServer = { origin: string; close: () => Promise<void> }

async function fileAt(file: string): Promise<string | null> {
  try {
    const s = await stat(file)
    if (s.isFile()) return file
    if (s.isDirectory()) return fileAt(path.join(file, 'index.html'))
  } catch {
    // not there: the caller falls back
  }
  return null
}

export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const gzCache = new Map<string, Buffer>()

  async function resolveFile(urlPath: string): Promise<{ file: string; status: number } | null> {
    const rel = path.normalize(urlPath).replace(/^(\.\.[/\\])+/, '')
    const direct = path.join(root, rel)
    if (!direct.startsWith(root)) return null
    const found = (await fileAt(direct)) ?? (await fileAt(`${direct}.html`))
    if (found) return { file: found, status: 200 }
    // Hashed assets and data files are never answered with the app shell.
    if (/^\/(?:assets|data)\//.test(urlPath) || /\.[a-z0-9]+$/i.test(urlPath)) return null
    // Like the nginx config: unknown addresses get 404.html (the app, which shows the route or not-found).
    const notFoundPage = await fileAt(path.join(root, '404.html'))
    return notFoundPage
      ? { file: notFoundPage, status: 404 }
      : { file: path.join(root, 'index.html'), status: 200 }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let urlPath: string
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      res.writeHead(400).end('bad request')
      return
    }
    const target = await resolveFile(urlPath)
    if (!target) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders }).end('not found')
      return
    }
    const ext = path.extname(target.file).toLowerCase()
    const headers: Record<string, string> = {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    }
    let body: Buffer = await readFile(target.file)
    if (compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let gz = gzCache.get(target.file)
      if (!gz) {
        gz = gzipSync(body, { level: 6 })
        gzCache.set(target.file, gz)
      }
      body = gz
      headers['Content-Encoding'] = 'gzip'
      headers['Vary'] = 'Accept-Encoding'
    }
    headers['Content-Length'] = String(body.length)
    res.writeHead(target.status, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: actual } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
