/**
 * Serves the built site the way users get it: with the shipped nginx config (nginx/serve.sh) when nginx is
 * installed, so gzip, cache headers, the CSP and the 404 fallback are the production ones; otherwise with the
 * small Node server in static-server.ts that imitates them. PARALLAX_BENCH_SERVER=node forces the latter.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { repoRoot } from './site'
import { serveStatic, type StaticServer } from './static-server'

const serveScript = path.join(repoRoot, 'nginx', 'serve.sh')

function nginxAvailable(): boolean {
  if (process.env.PARALLAX_BENCH_SERVER === 'node' || !existsSync(serveScript)) return false
  const bin = process.env.PARALLAX_NGINX
  return (
    (bin !== undefined && existsSync(bin)) ||
    (process.env.PATH ?? '').split(':').some((dir) => existsSync(path.join(dir, 'nginx'))) ||
    existsSync('/usr/sbin/nginx')
  )
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** `server` names what serves the pages, for the notes in the results. */
export async function serveSite(siteDir: string): Promise<StaticServer & { server: string }> {
  if (!nginxAvailable()) return { ...(await serveStatic(siteDir)), server: 'Node static server' }
  const port = await freePort()
  // Its own process group, so closing stops serve.sh and the nginx it started, and nothing else.
  const child = spawn('bash', [serveScript, siteDir, String(port), '/'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', process.stderr],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const origin = `http://127.0.0.1:${port}`
  try {
    await Promise.race([
      waitFor(`${origin}/`, 20_000),
      exited.then(() => {
        throw new Error('nginx/serve.sh exited before serving')
      }),
    ])
  } catch (error) {
    if (child.pid) process.kill(-child.pid, 'SIGTERM')
    throw error
  }
  return {
    origin,
    server: 'nginx (shipped config)',
    close: async () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
      await exited
    },
  }
}
