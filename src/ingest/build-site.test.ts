import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildBeside, clearInterruptedBuilds } from './build-site'

let parent: string
let site: string

beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'parallax-site-'))
  site = path.join(parent, 'dist')
  await mkdir(path.join(site, 'article', 'a'), { recursive: true })
  await writeFile(path.join(site, 'index.html'), 'the previous site')
  await writeFile(path.join(site, 'article', 'a', 'index.html'), 'the previous article page')
})
afterEach(async () => {
  await rm(parent, { recursive: true, force: true })
})

describe('building the site beside the one being served', () => {
  it('swaps the new site in whole once the build has finished', async () => {
    await buildBeside(site, async (staging) => {
      await mkdir(staging)
      await writeFile(path.join(staging, 'index.html'), 'the new site')
      // Until the swap, whoever serves the output directory still sees the previous site.
      expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe('the previous site')
    })
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe('the new site')
    expect(await readdir(site)).toEqual(['index.html'])
    expect(await readdir(parent)).toEqual(['dist'])
  })

  it('keeps serving the previous site, and leaves nothing beside it, when a step fails halfway', async () => {
    const failing = buildBeside(site, async (staging) => {
      await mkdir(staging)
      await writeFile(path.join(staging, 'index.html'), 'a client build without its pages')
      throw new Error('prerendering failed (exit code 1)')
    })
    await expect(failing).rejects.toThrow('prerendering failed')
    expect(await readFile(path.join(site, 'article', 'a', 'index.html'), 'utf8')).toBe(
      'the previous article page',
    )
    expect(await readdir(parent)).toEqual(['dist'])
  })

  it('refuses to swap in a build that wrote no index.html', async () => {
    await expect(buildBeside(site, (staging) => mkdir(staging).then(() => undefined))).rejects.toThrow(
      /no index\.html/,
    )
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe('the previous site')
  })
})

describe('clearInterruptedBuilds', () => {
  it('removes a killed build’s half-built site and puts back a site it had moved aside mid-swap', async () => {
    const work = path.join(parent, '.parallax-build-4000001-1700000000000')
    await mkdir(path.join(work, 'old'), { recursive: true })
    await mkdir(path.join(work, 'dist'))
    await writeFile(path.join(work, 'dist', 'index.html'), 'half')
    // Killed between the swap's two renames: the previous site is aside, the output missing.
    await rename(site, path.join(work, 'old', 'dist'))
    const report = await clearInterruptedBuilds(site, () => false)
    expect(report).toHaveLength(2)
    expect(await readdir(parent)).toEqual(['dist'])
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe('the previous site')
  })

  it('leaves the build directory of a build that is still running alone', async () => {
    const work = path.join(parent, `.parallax-build-${process.pid}-1700000000000`)
    await mkdir(work)
    expect(await clearInterruptedBuilds(site)).toEqual([])
    expect((await readdir(parent)).sort()).toEqual([path.basename(work), 'dist'].sort())
  })
})
