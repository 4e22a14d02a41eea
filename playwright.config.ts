import { existsSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test'

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>

/**
 * The suite runs against the production build served by the shipped nginx config (nginx/serve.sh),
 * so what is tested is what users get: prerendered pages, cache and security headers, the 404 page.
 *
 *   root     the build in PARALLAX_OUT_DIR (default dist), served at "/" on PARALLAX_E2E_PORT (4173)
 *   subpath  the same site built with PARALLAX_BASE=/parallax/ (npm run build:subpath) in
 *            PARALLAX_SUBPATH_OUT_DIR (default <out dir>-subpath), on the next port. It runs when that
 *            build exists, and always in CI. PARALLAX_E2E_SUBPATH=0 turns it off.
 *
 * Specs written for the root run unchanged under the sub-path: the test server redirects addresses
 * outside the base into it, and e2e/hosting.spec.ts checks that the app never leaves its base.
 */

/** Debian's chromium by default; another browser with PARALLAX_CHROMIUM=/path/to/chrome. */
export const chromiumPath = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium'
export const SUBPATH_BASE = '/parallax/'

const port = Number(process.env.PARALLAX_E2E_PORT ?? 4173)
const subpathPort = Number(process.env.PARALLAX_E2E_SUBPATH_PORT ?? port + 1)
const outDir = process.env.PARALLAX_OUT_DIR ?? 'dist'
const subpathOutDir = process.env.PARALLAX_SUBPATH_OUT_DIR ?? `${outDir.replace(/\/+$/, '')}-subpath`
const subpathWanted = process.env.PARALLAX_E2E_SUBPATH !== '0'
const subpathBuilt = existsSync(path.join(subpathOutDir, 'index.html'))
if (process.env.CI && subpathWanted && !subpathBuilt) {
  throw new Error(
    `CI runs the suite under a sub-path too: build it first (npm run build:subpath -> ${subpathOutDir})`,
  )
}
const withSubpath = subpathWanted && subpathBuilt

function server(dir: string, serverPort: number, base: string): WebServer {
  return {
    command: `bash nginx/serve.sh ${JSON.stringify(dir)} ${serverPort} ${base}`,
    url: `http://127.0.0.1:${serverPort}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    // serve.sh stops nginx and removes its temporary directory on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  }
}

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output directory when it starts: parallel runs on their own ports keep theirs apart.
  outputDir: process.env.PARALLAX_E2E_PORT ? `.tmp/test-results-${port}` : 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${port}` },
      metadata: { base: '/' },
    },
    ...(withSubpath
      ? [
          {
            name: 'chromium-subpath',
            use: {
              ...devices['Desktop Chrome'],
              channel: undefined,
              baseURL: `http://127.0.0.1:${subpathPort}${SUBPATH_BASE}`,
            },
            metadata: { base: SUBPATH_BASE },
          },
        ]
      : []),
  ],
  webServer: [
    server(outDir, port, '/'),
    ...(withSubpath ? [server(subpathOutDir, subpathPort, SUBPATH_BASE)] : []),
  ],
})
