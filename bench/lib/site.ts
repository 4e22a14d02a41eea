/**
 * The production build the bench measures. Built once per `npm run bench` process into bench/out/site (gitignored),
 * with the same command users and CI run, so what is measured is what ships.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
/** PARALLAX_BENCH_OUT (relative to the repo root) lets two bench runs keep apart; default bench/out. */
export const benchOutDir = path.resolve(repoRoot, process.env.PARALLAX_BENCH_OUT ?? 'bench/out')
/** Relative to the repo root, as PARALLAX_OUT_DIR expects. */
export const siteOutDir = path.relative(repoRoot, path.join(benchOutDir, 'site'))
export const siteDir = path.join(repoRoot, siteOutDir)

let building: Promise<string> | undefined

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout to our stderr: the bench's stdout is the result table.
    const child = spawn('npm', ['run', 'build'], {
      cwd: repoRoot,
      env: { ...process.env, PARALLAX_OUT_DIR: siteOutDir },
      stdio: ['ignore', process.stderr, process.stderr],
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`)),
    )
  })
}

/**
 * Builds the site on first call and returns its directory; later calls in the same run share that build.
 * PARALLAX_BENCH_REUSE_BUILD=1 keeps an existing bench/out/site (for iterating on one suite).
 */
export function ensureSite(): Promise<string> {
  building ??= (async () => {
    const reuse =
      process.env.PARALLAX_BENCH_REUSE_BUILD === '1' && existsSync(path.join(siteDir, 'index.html'))
    if (!reuse) {
      process.stderr.write(`bench: building the site into ${siteOutDir}...\n`)
      await runBuild()
    }
    if (!existsSync(path.join(siteDir, 'index.html')))
      throw new Error(`no index.html in ${siteOutDir} after the build`)
    return siteDir
  })()
  return building
}
