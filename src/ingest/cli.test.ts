/**
 * The ingest CLI, spawned as a user runs it (node + tsx), on temporary copies: every test gets its own
 * corpus directory (--corpus), so the real corpus is never touched.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sourcesSchema } from '../core/schema'
import { buildData } from './build-data'

const root = path.resolve(import.meta.dirname, '../..')
const cli = path.join(root, 'src/ingest/cli.ts')
// The tsx loader by absolute URL: the CLI runs with a temporary directory as its working directory.
const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href

type Run = { code: number | null; stdout: string; stderr: string }

function runCli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, cli, ...args], {
      cwd,
      env: { ...process.env, PARALLAX_CORPUS_DIR: path.join(cwd, 'no-such-corpus') },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let dir: string
let corpus: string

async function snapshot(d: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(d, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(d, file)] = (await readFile(file)).toString('base64')
  }
  return out
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-cli-'))
  corpus = path.join(dir, 'corpus')
  await mkdir(path.join(corpus, 'raw'), { recursive: true })
  await copyFile(path.join(root, 'corpus/sources.json'), path.join(corpus, 'sources.json'))
  for (const f of ['000_80f71aebbeb0d8b4.txt', '003_59d9113b8196ce96.txt']) {
    await copyFile(path.join(root, 'corpus/raw', f), path.join(corpus, 'raw', f))
  }
  for (const f of ['wire-drought-aid.txt', 'saved-page-harbour.html', 'wrapped-trade-briefing.txt']) {
    await copyFile(path.join(root, 'test/fixtures/raw', f), path.join(dir, f))
  }
  // The bad inputs, one problem each.
  await writeFile(path.join(dir, 'empty.txt'), '')
  await writeFile(
    path.join(dir, 'image.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
  )
  await writeFile(
    path.join(dir, 'latin1.txt'),
    Buffer.from('Caf\xe9 owners protest\n\nThe owners said the rent had doubled.', 'latin1'),
  )
  await writeFile(
    path.join(dir, 'nul.txt'),
    'Headline here\n\nA body paragraph with a\u0000NUL in it, which no article has.',
  )
  await writeFile(
    path.join(dir, 'no-headline.txt'),
    'The council met again on Tuesday and agreed nothing at all. '.repeat(30),
  )
  await writeFile(path.join(dir, 'one-line.txt'), 'x'.repeat(10 * 1024 * 1024))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('npm run ingest', () => {
  it('adds a .txt and a saved .html page to the corpus, copying the raw files unchanged', async () => {
    const run = await runCli(
      [
        'wire-drought-aid.txt',
        'saved-page-harbour.html',
        '--corpus',
        corpus,
        '--story',
        'local-news-2023',
        '--outlet',
        'Example Wire',
      ],
      dir,
    )
    expect(run.stderr).toContain('[1/2] wire-drought-aid.txt')
    expect(run.stderr).toContain('[2/2] saved-page-harbour.html')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('2 added to the corpus')

    for (const f of ['wire-drought-aid.txt', 'saved-page-harbour.html']) {
      expect(await readFile(path.join(corpus, 'raw', f))).toEqual(await readFile(path.join(dir, f)))
    }
    const sources = sourcesSchema.parse(JSON.parse(await readFile(path.join(corpus, 'sources.json'), 'utf8')))
    expect(sources.articles.slice(2)).toEqual([
      {
        file: 'raw/wire-drought-aid.txt',
        outlet: 'Example Wire',
        sourceUrl: null,
        storyId: 'local-news-2023',
        published: null,
      },
      {
        file: 'raw/saved-page-harbour.html',
        outlet: 'Example Wire',
        sourceUrl: null,
        storyId: 'local-news-2023',
        published: null,
      },
    ])
    expect(sources.stories.find((s) => s.id === 'local-news-2023')).toMatchObject({ date: '2022-04-12' })

    // The grown corpus still builds, including the comparison between the two new articles.
    const out = path.join(dir, 'data')
    const result = await buildData({ corpusDir: corpus, outDir: out })
    expect(result.articles).toBe(4)
    expect(await readdir(path.join(out, 'compare'))).toHaveLength(4)
  }, 120_000)

  it('leaves the outlet unknown unless the page or the command states it', async () => {
    const run = await runCli(['wrapped-trade-briefing.txt', '--corpus', corpus], dir)
    expect(run.code).toBe(0)
    const sources = JSON.parse(await readFile(path.join(corpus, 'sources.json'), 'utf8'))
    expect(sources.articles.at(-1)).toEqual({
      file: 'raw/wrapped-trade-briefing.txt',
      outlet: null,
      sourceUrl: null,
      storyId: null,
      published: null,
    })
  }, 60_000)

  it('names each bad file and its problem, still adds the good one, and exits non-zero', async () => {
    const bad = [
      'empty.txt',
      'image.txt',
      'latin1.txt',
      'nul.txt',
      'no-headline.txt',
      'one-line.txt',
      'missing.txt',
    ]
    const run = await runCli([...bad, 'wire-drought-aid.txt', '--corpus', corpus], dir)
    expect(run.code).toBe(1)
    const problems: Record<string, RegExp> = {
      'empty.txt': /empty/,
      'image.txt': /not valid UTF-8/,
      'latin1.txt': /not valid UTF-8/,
      'nul.txt': /NUL character/,
      'no-headline.txt': /no headline/,
      'one-line.txt': /line 1 is 10,485,760 characters long/,
      'missing.txt': /not found/,
    }
    for (const [file, problem] of Object.entries(problems)) {
      const line = run.stderr.split('\n').find((l) => l.startsWith(`error: ${file}:`))
      expect(line, file).toMatch(problem)
    }
    expect(run.stdout).toContain('1 added to the corpus, 0 already there, 7 failed')
    const files = await readdir(path.join(corpus, 'raw'))
    expect(files.sort()).toEqual([
      '000_80f71aebbeb0d8b4.txt',
      '003_59d9113b8196ce96.txt',
      'wire-drought-aid.txt',
    ])
  }, 120_000)

  it('with --check only validates and reports, writing nothing', async () => {
    const before = await snapshot(corpus)
    const run = await runCli(['--check', 'wire-drought-aid.txt', 'nul.txt', '--corpus', corpus], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/ok {3}wire-drought-aid\.txt -> aid-groups-warn-of-catastrophic-hunger/)
    expect(run.stdout).toContain('checked 2 files: 1 ok, 1 failed')
    expect(await snapshot(corpus)).toEqual(before)
  }, 60_000)

  it('does not add the same file twice, and numbers an id that is already taken', async () => {
    expect((await runCli(['wire-drought-aid.txt', '--corpus', corpus], dir)).code).toBe(0)
    const again = await runCli(['wire-drought-aid.txt', '--corpus', corpus], dir)
    expect(again.stdout).toContain('already in the corpus')
    // The same article saved under another name gets its own, numbered id.
    await copyFile(path.join(dir, 'wire-drought-aid.txt'), path.join(dir, 'copy.txt'))
    await writeFile(path.join(dir, 'copy.txt'), `${await readFile(path.join(dir, 'copy.txt'), 'utf8')}\n`)
    const copy = await runCli(['copy.txt', '--corpus', corpus], dir)
    expect(copy.code).toBe(0)
    const sources = JSON.parse(await readFile(path.join(corpus, 'sources.json'), 'utf8'))
    expect(sources.articles.at(-1).id).toMatch(/-2$/)
    expect(await buildData({ corpusDir: corpus, outDir: path.join(dir, 'data') })).toMatchObject({
      articles: 4,
    })
  }, 120_000)

  it('explains its usage when called wrongly', async () => {
    const none = await runCli([], dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no files given')
    expect(none.stderr).toContain('Usage: npm run ingest')
    const badStory = await runCli(['x.txt', '--story', 'Not A Slug'], dir)
    expect(badStory.code).toBe(2)
    expect(badStory.stderr).toContain('--story must be a lowercase slug')
  }, 60_000)

  it('leaves no temporary files behind in the corpus', async () => {
    await runCli(['wire-drought-aid.txt', 'empty.txt', '--corpus', corpus], dir)
    const names = Object.keys(await snapshot(corpus))
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([])
  }, 60_000)
})
