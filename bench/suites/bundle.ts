/**
 * JavaScript a first visit downloads, per route type, gzip-compressed: a fresh browser opens the route of the
 * production build and every script it fetches until the network is idle is counted (entry, static imports,
 * modulepreloads, the route's lazy chunk and whatever that pulls in). Sizes are of the built files gzipped with
 * zlib at level 9 (what Vite's build report shows), in kB of 1,000 bytes. Each route can be someone's first
 * route — a shared link lands there — so each has the budget.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchResult } from '../types'
import { launchChromium } from '../lib/chromium'
import { benchRoutes } from '../lib/routes'
import { ensureSite } from '../lib/site'
import { serveSite } from '../lib/serve-site'

const budgetKb = 120

export async function run(): Promise<BenchResult[]> {
  const siteDir = await ensureSite()
  const server = await serveSite(siteDir)
  const browser = await launchChromium()
  const results: BenchResult[] = []
  try {
    for (const route of await benchRoutes(siteDir)) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const scripts = new Set<string>()
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.origin === server.origin && /\.m?js$/.test(url.pathname)) scripts.add(url.pathname)
      })
      await page.goto(`${server.origin}${route.path}`, { waitUntil: 'load' })
      // The app marks #root once its first render has committed (hydrated or rendered); only then has it
      // asked for the route's chunk. Network idle after that: every script the first view pulls in.
      await page
        .locator('#root[data-mounted]')
        .waitFor({ state: 'attached', timeout: 30_000 })
        .catch(() => {})
      await page.waitForLoadState('networkidle')
      let raw = 0
      let gz = 0
      for (const file of scripts) {
        const body = await readFile(path.join(siteDir, decodeURIComponent(file)))
        raw += body.length
        gz += gzipSync(body, { level: 9 }).length
      }
      await context.close()
      results.push({
        name: `JS on first visit: ${route.name}`,
        value: gz / 1000,
        unit: 'kB gzip',
        budget: { max: budgetKb },
        note: `${scripts.size} files, ${(raw / 1000).toFixed(1)} kB raw; ${server.server}`,
      })
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return results
}
