import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

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

/**
 * The security headers nginx sends (nginx/security-headers.conf, the one place they are written), so that
 * `npm start` previews the site under the same strict CSP as production: a page that breaks under it breaks
 * in the preview too.
 */
export function securityHeaders(conf: string): [string, string][] {
  const out: [string, string][] = []
  for (const line of conf.split('\n')) {
    const m = /^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"/.exec(line)
    if (m) out.push([m[1]!, m[2]!])
  }
  return out
}

/**
 * `vite preview` (npm start) serves the prerendered pages the way nginx and static hosts do:
 * /article/x -> article/x/index.html, and unknown addresses -> 404.html with a 404 status. Vite's own
 * fallback would answer every address with the library's index.html.
 */
function servePrerenderedPages(): Plugin {
  return {
    name: 'parallax:serve-prerendered-pages',
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir)
      const base = server.config.base
      const headers = securityHeaders(
        readFileSync(path.join(server.config.root, 'nginx/security-headers.conf'), 'utf8'),
      )
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of headers) res.setHeader(name, value)
        next()
      })
      server.middlewares.use((req, res, next) => {
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return next()
        const [pathname = '/', query] = req.url.split('?', 2)
        if (!pathname.startsWith(base) || path.extname(pathname) !== '') return next()
        let relative: string
        try {
          relative = decodeURIComponent(pathname.slice(base.length))
        } catch {
          relative = '\0'
        }
        const page = path.join(outDir, relative, 'index.html')
        if (!relative.includes('\0') && page.startsWith(outDir + path.sep) && existsSync(page)) {
          req.url = `${base}${relative ? `${relative.replace(/\/+$/, '')}/` : ''}index.html${query ? `?${query}` : ''}`
          return next()
        }
        const notFound = path.join(outDir, '404.html')
        if (!existsSync(notFound)) return next()
        res.statusCode = 404
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.end(readFileSync(notFound))
      })
    },
  }
}

/**
 * Lists, in a <meta name="parallax:app-chunks"> of every page, the files the app's start-up imports
 * (src/main.tsx's chunk and everything it imports statically). src/boot.ts preloads them all at once after
 * the first paint, then evaluates them in stages, a task each, so neither the network nor a single long
 * task holds the page up. A meta tag fetches nothing by itself, and HTML is not cached immutably, so the
 * list is always the current build's.
 * See docs/decisions/0009-staged-start-up.md.
 */
function appChunkList(): Plugin {
  return {
    name: 'parallax:app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return []
        const chunks = new Map<string, { imports: string[] }>()
        let main: string | undefined
        for (const item of Object.values(bundle)) {
          if (item.type !== 'chunk') continue
          chunks.set(item.fileName, item)
          if (item.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/main.tsx')) main = item.fileName
        }
        if (!main) throw new Error('parallax:app-chunks: no chunk for src/main.tsx')
        const files = new Set<string>()
        const visit = (file: string) => {
          if (files.has(file)) return
          files.add(file)
          for (const dep of chunks.get(file)?.imports ?? []) visit(dep)
        }
        visit(main)
        return [
          {
            tag: 'meta',
            attrs: { name: 'parallax:app-chunks', content: [...files].join(' ') },
            injectTo: 'head',
          },
        ]
      },
    },
  }
}

/**
 * Nothing in a prerendered page's first paint waits for its one script (src/boot.ts), so it is fetched at
 * low priority, behind the stylesheet. Vite rewrites the entry's <script> tag and drops the attribute
 * index.html would give it, so it is set on the built tag.
 * See docs/decisions/0010-low-priority-entry.md.
 */
function lowPriorityEntry(): Plugin {
  return {
    name: 'parallax:low-priority-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const file = ctx.chunk?.fileName
        if (!file) throw new Error('parallax:low-priority-entry: no entry chunk for index.html')
        const tag = /<script type="module"([^>]*\bsrc="[^"]*")/g
        let found = false
        const out = html.replace(tag, (whole, rest: string) => {
          if (!rest.endsWith(`/${file}"`) || rest.includes('fetchpriority')) return whole
          found = true
          return `<script type="module" fetchpriority="low"${rest}`
        })
        if (!found) throw new Error(`parallax:low-priority-entry: no <script> for ${file} in index.html`)
        return out
      },
    },
  }
}

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): every function in a file that
 * starts with `//# allFunctionsCalledOnLoad` is compiled while the file streams in, off the main thread,
 * instead of on the main thread at its first call. The app is split so that each chunk is loaded just
 * before it runs (start-up, then a route's page, then a feature when it is used), so most of each chunk's
 * functions are called at once: on the comparison, whose first render runs code nothing has run before,
 * this took about a quarter off the time from its data to links drawn (docs/performance.md). Added after
 * minification, which would drop the comment.
 * See docs/decisions/0006-compile-hints.md.
 */
function compileHints(): Plugin {
  return {
    name: 'parallax:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After Vite has put its own preload helper at the top of chunks with dynamic imports.
      order: 'post',
      handler(_options, bundle) {
        for (const item of Object.values(bundle)) {
          if (item.type !== 'chunk') continue
          item.code = `//# allFunctionsCalledOnLoad\n${item.code}`
          // Source maps (off today): every generated line moved down by one.
          if (item.map) item.map.mappings = `;${item.map.mappings}`
        }
      },
    },
  }
}

/**
 * react-router 7 points every export condition at its development build (warnings and their strings
 * included; remix-run/react-router#14102). Production builds use the production files it ships
 * alongside: 5 kB gzip less on every first visit. The dev server keeps the warnings.
 * See docs/decisions/0017-react-router-production.md.
 */
function reactRouterProduction(): { find: RegExp; replacement: string }[] {
  const pkg = createRequire(import.meta.url).resolve('react-router/package.json')
  const dist = path.join(path.dirname(pkg), 'dist', 'production')
  return [{ find: /^react-router$/, replacement: path.join(dist, 'index.mjs') }]
}

export default defineConfig(({ command }) => ({
  base: normaliseBase(process.env.PARALLAX_BASE),
  plugins: [react(), servePrerenderedPages(), appChunkList(), lowPriorityEntry(), compileHints()],
  resolve: { alias: command === 'build' ? reactRouterProduction() : [] },
  // The workers (alignment, search) run all of their code as soon as they start, too.
  worker: { plugins: () => [compileHints()] },
  build: {
    // Separate output folders let several builds (e.g. parallel test runs) coexist.
    outDir: process.env.PARALLAX_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    // One stylesheet, linked from every page. Prerendered pages show a route's markup before its lazy
    // chunk loads (and without JavaScript at all); with CSS split per route, the compare view's styles
    // would arrive with its chunk and restyle the page under the reader's eyes (a layout shift of ~0.9).
    // The whole sheet is ~8 kB gzip.
    // See docs/decisions/0015-one-stylesheet.md.
    cssCodeSplit: false,
    // Every browser the app supports (ES2022 modules) knows <link rel="modulepreload">: no polyfill.
    modulePreload: { polyfill: false },
    // The CSP's font-src falls back to default-src 'self', which does not allow data: URLs: fonts are
    // always files. (Small images may still be inlined: img-src allows data:.)
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
  },
  // PORT=8080 npm start serves elsewhere.
  preview: { port: Number(process.env.PORT) || 4173, strictPort: true },
}))
