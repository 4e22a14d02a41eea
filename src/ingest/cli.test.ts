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
import { buildArticle } from '../core/pipeline'
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
  await writeFile(
    path.join(dir, 'style-crash.html'),
    '<html><head><style>@import url(</style></head><body></body></html>',
  )
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
    const run = await runCli([...bad, 'style-crash.html', 'wire-drought-aid.txt', '--corpus', corpus], dir)
    expect(run.code).toBe(1)
    const problems: Record<string, RegExp> = {
      'empty.txt': /empty/,
      'image.txt': /not valid UTF-8/,
      'latin1.txt': /not valid UTF-8/,
      'nul.txt': /NUL character/,
      'no-headline.txt': /no headline/,
      'one-line.txt': /line 1 is 10,485,760 characters long/,
      'missing.txt': /not found/,
      // The HTML parser throws on this stylesheet (or, once it copes, finds no text): named either way.
      'style-crash.html': /./,
    }
    for (const [file, problem] of Object.entries(problems)) {
      const line = run.stderr.split('\n').find((l) => l.startsWith(`error: ${file}:`))
      expect(line, file).toMatch(problem)
    }
    expect(run.stdout).toMatch(/^1 added to the corpus, 8 refused \(.*2 not UTF-8.*\), 0 duplicates$/m)
    expect(run.stderr.indexOf('error: style-crash.html')).toBeLessThan(
      run.stderr.indexOf('[9/9] wire-drought-aid.txt'),
    )
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
    expect(run.stdout).toMatch(/ok {3}wire-drought-aid\.txt -> [a-z0-9-]+ \(/)
    expect(run.stdout).toContain('checked 2 files: 1 ok, 1 refused (1 with NUL characters), 0 duplicates')
    expect(await snapshot(corpus)).toEqual(before)
  }, 60_000)

  it('never adds the same article twice, whatever the file is called, and says which article it repeats', async () => {
    expect((await runCli(['wire-drought-aid.txt', '--corpus', corpus], dir)).code).toBe(0)
    const before = await snapshot(corpus)
    const original = await readFile(path.join(dir, 'wire-drought-aid.txt'), 'utf8')
    // The same bytes under another name, and the same text saved with Windows line endings.
    await copyFile(path.join(dir, 'wire-drought-aid.txt'), path.join(dir, 'renamed.txt'))
    await writeFile(path.join(dir, 'crlf.txt'), `${original.replace(/\n/g, '\r\n')}\r\n`)
    const again = await runCli(['wire-drought-aid.txt', 'renamed.txt', 'crlf.txt', '--corpus', corpus], dir)
    expect(again.code).toBe(0)
    for (const f of ['wire-drought-aid.txt', 'renamed.txt', 'crlf.txt']) {
      expect(again.stdout).toContain(`same ${f}: the same text as raw/wire-drought-aid.txt (`)
    }
    expect(again.stdout).toContain('0 added to the corpus, 0 refused, 3 duplicates')
    expect(await snapshot(corpus)).toEqual(before)
  }, 120_000)

  it('numbers the id of a different article that has the same headline', async () => {
    const text = await readFile(path.join(dir, 'wire-drought-aid.txt'), 'utf8')
    const { headline } = buildArticle(text, { outlet: null, sourceUrl: null, storyId: null })
    await writeFile(
      path.join(dir, 'other.txt'),
      `${headline}\n\nA different report under the same headline: the agency's regional office said on Friday that ` +
        'convoys had reached three more districts, and that a second appeal would be launched next month.\n',
    )
    expect((await runCli(['wire-drought-aid.txt', '--corpus', corpus], dir)).code).toBe(0)
    const other = await runCli(['other.txt', '--corpus', corpus], dir)
    expect(other.code).toBe(0)
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

  describe('interrupted in the middle of a batch', () => {
    const BATCH = 30
    const towns = ['Arden', 'Belmoor', 'Carrick', 'Dunmere', 'Elsworth', 'Fallow']
    /** Thirty different invented reports, so the run spends a while reading before it writes. */
    async function writeBatch(): Promise<string[]> {
      const files: string[] = []
      for (let i = 0; i < BATCH; i += 1) {
        const town = `${towns[i % towns.length]} ${Math.floor(i / towns.length) + 1}`
        const file = `report-${String(i).padStart(2, '0')}.txt`
        await writeFile(
          path.join(dir, file),
          `${town} council approves budget number ${i + 1}\n\n` +
            `The council of ${town} approved its budget on Tuesday after ${i + 3} hours of debate, ` +
            `with ${i + 7} members voting in favour.\n\n` +
            `"It is the best we could do with ${i + 2} million," the treasurer said of plan ${i + 1}.\n`,
        )
        files.push(file)
      }
      return files
    }

    /** Runs the CLI and sends `signal` as soon as stderr shows `when`; resolves when the process has gone. */
    function runAndInterrupt(files: string[], when: RegExp, signal: NodeJS.Signals) {
      return new Promise<{ code: number | null; signalled: boolean; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', tsx, cli, ...files, '--corpus', corpus], {
          cwd: dir,
        })
        let stderr = ''
        let signalled = false
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString()
          if (!signalled && when.test(stderr)) signalled = child.kill(signal)
        })
        child.stdout.resume()
        child.on('error', reject)
        child.on('close', (code) => resolve({ code, signalled, stderr }))
      })
    }

    /** The corpus is whole: sources.json valid, listing exactly the raw files, nothing temporary. */
    async function expectWholeCorpus(): Promise<number> {
      const sources = sourcesSchema.parse(
        JSON.parse(await readFile(path.join(corpus, 'sources.json'), 'utf8')),
      )
      const files = Object.keys(await snapshot(corpus)).sort()
      expect(files).toEqual([...sources.articles.map((a) => a.file), 'sources.json'].sort())
      return sources.articles.length - 2
    }

    it('killed while reading its files, leaves the corpus exactly as it was', async () => {
      const files = await writeBatch()
      const before = await snapshot(corpus)
      const run = await runAndInterrupt(files, /\[12\/30\]/, 'SIGKILL')
      expect(run.signalled).toBe(true)
      expect(await snapshot(corpus)).toEqual(before)
    }, 120_000)

    it('stopped with SIGTERM as it writes, leaves no articles half-added and nothing temporary', async () => {
      const files = await writeBatch()
      const run = await runAndInterrupt(files, /ingest: writing/, 'SIGTERM')
      expect(run.signalled).toBe(true)
      expect([0, 130]).toContain(run.code)
      expect([0, BATCH]).toContain(await expectWholeCorpus())
    }, 120_000)

    it('killed with SIGKILL as it writes, leaves sources.json whole, and the next run completes or undoes the batch', async () => {
      const files = await writeBatch()
      const run = await runAndInterrupt(files, /ingest: writing/, 'SIGKILL')
      expect(run.signalled).toBe(true)
      // At once: every listed file is there, so the build works even before anything is recovered.
      const sources = sourcesSchema.parse(
        JSON.parse(await readFile(path.join(corpus, 'sources.json'), 'utf8')),
      )
      const present = Object.keys(await snapshot(corpus))
      for (const a of sources.articles) expect(present).toContain(a.file)
      // The next run (here given one of the same files) first finishes or rolls back what was left.
      const next = await runCli([files[0]!, '--corpus', corpus], dir)
      expect(next.code).toBe(0)
      const added = await expectWholeCorpus()
      expect([BATCH, 1]).toContain(added)
    }, 120_000)
  })

  it('leaves no temporary files behind in the corpus', async () => {
    await runCli(['wire-drought-aid.txt', 'empty.txt', '--corpus', corpus], dir)
    const names = Object.keys(await snapshot(corpus))
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([])
  }, 60_000)
})
