/**
 * npm run build [-- --site-only]: the data (corpus/ -> public/data/, skipped with --site-only), the
 * client (`vite build`) and the prerendered pages, built into a directory beside the output and swapped
 * in only when all of it succeeded. A failed or interrupted build leaves the previous site serving as it
 * was, never a half-built one (e.g. a client build without its prerendered pages, where every article
 * link is a bare 404).
 *
 * Output: PARALLAX_OUT_DIR (default dist). The build happens in <parent>/.parallax-build-<pid>-<time>/<name>,
 * which the .gitignore's dist patterns cover for dist/ and dist-subpath/; a build killed before it could
 * tidy up is cleared (and a site caught mid-swap put back) by the next build.
 */
import { spawn } from 'node:child_process'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildData, pendingIngestNote } from './build-data'
import { exists, processIsAlive } from './atomic'
import { CorpusError, PROJECT_ROOT } from './corpus'
import { DataValidationError } from './data-files'

const STAGING_PREFIX = '.parallax-build-'
const STAGING_NAME = /^\.parallax-build-(\d+)-/

/**
 * Clears what builds that died left beside `outDir`: their half-built sites, and, if one died between
 * the two renames of its swap, puts the previous site back where it was.
 */
export async function clearInterruptedBuilds(
  outDir: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): Promise<string[]> {
  const parent = path.dirname(outDir)
  const done: string[] = []
  let names: string[]
  try {
    names = await readdir(parent)
  } catch {
    return done
  }
  for (const name of names) {
    const m = STAGING_NAME.exec(name)
    if (!m || isAlive(Number(m[1]))) continue
    const dir = path.join(parent, name)
    const old = path.join(dir, 'old')
    for (const site of await readdir(old).catch(() => [])) {
      if (await exists(path.join(parent, site))) continue
      await rename(path.join(old, site), path.join(parent, site))
      done.push(`put back ${site}/, which an interrupted build had moved aside`)
    }
    await rm(dir, { recursive: true, force: true })
    done.push(`removed ${name}, left by an interrupted build`)
  }
  return done
}

/**
 * Runs `build` into a fresh directory beside `outDir`, then swaps it in with two renames. If `build`
 * throws, its directory is removed and `outDir` keeps the previous site.
 */
export async function buildBeside(outDir: string, build: (staging: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(outDir)
  const work = path.join(parent, `${STAGING_PREFIX}${process.pid}-${Date.now()}`)
  const staging = path.join(work, path.basename(outDir))
  const old = path.join(work, 'old', path.basename(outDir))
  await mkdir(path.dirname(old), { recursive: true })
  try {
    await build(staging)
    if (!(await exists(path.join(staging, 'index.html')))) {
      throw new Error(`the build wrote no index.html into ${staging}`)
    }
    const hadSite = await exists(outDir)
    if (hadSite) await rename(outDir, old)
    try {
      await rename(staging, outDir)
    } catch (error) {
      if (hadSite) await rename(old, outDir)
      throw error
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Runs a build step as its own process; rejects, naming it, when it fails. */
function runStep(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' })
    // A signal to the build alone (not to its whole process group, as Ctrl-C is) reaches the step too.
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGTERM', forward)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward)
      if (code === 0) resolve()
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`))
    })
  })
}

async function main(argv: string[]): Promise<number> {
  const siteOnly = argv.includes('--site-only')
  const outDir = path.resolve(PROJECT_ROOT, process.env.PARALLAX_OUT_DIR ?? 'dist')
  const shown = path.relative(process.cwd(), outDir) || outDir
  for (const line of await clearInterruptedBuilds(outDir)) console.log(`build: ${line}`)

  // The steps see Ctrl-C themselves (and SIGTERM through runStep) and stop; between steps, this stops the build.
  let stopped: NodeJS.Signals | null = null
  const interrupt = (signal: NodeJS.Signals) => {
    stopped = signal
  }
  const checkStopped = () => {
    if (stopped) throw new Error(`stopped by ${stopped}`)
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)
  try {
    if (!siteOnly) {
      const note = await pendingIngestNote()
      if (note) console.log(`data: note: ${note}`)
      const r = await buildData()
      console.log(
        `data: ${r.articles} articles, ${r.stories} stories, ${r.comparisons} comparisons -> ${path.relative(process.cwd(), r.outDir) || r.outDir}`,
      )
    }
    checkStopped()
    await buildBeside(outDir, async (staging) => {
      const env = { ...process.env, PARALLAX_OUT_DIR: staging }
      const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
      await runStep('vite build', [vite, 'build'], env)
      checkStopped()
      const tsx = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
      await runStep(
        'prerendering',
        ['--import', tsx, path.join(PROJECT_ROOT, 'src', 'ingest', 'prerender.ts')],
        env,
      )
      checkStopped()
    })
    console.log(`build: the new site is in ${shown}/`)
    return 0
  } catch (error) {
    if (error instanceof CorpusError || error instanceof DataValidationError) {
      console.error(`build-data: ${error.message}`)
    } else {
      console.error(`build: ${error instanceof Error ? error.message : String(error)}`)
    }
    console.error(`build: failed; ${shown}/ was left as it was`)
    return stopped ? 130 : 1
  } finally {
    process.off('SIGINT', interrupt)
    process.off('SIGTERM', interrupt)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2))
}
