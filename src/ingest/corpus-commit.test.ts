import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CommitAbortedError,
  commitBatch,
  CorpusBusyError,
  CorpusChangedError,
  recoverCorpus,
  type Batch,
  type CommitStep,
} from './corpus-commit'

let corpus: string

const baseSources = `${JSON.stringify({ stories: [], articles: [{ file: 'raw/old.txt' }] }, null, 2)}\n`
const batchFiles = ['raw/first.txt', 'raw/second.html', 'raw/third.txt']
const batch: Batch = {
  files: batchFiles.map((name) => ({ name, bytes: new TextEncoder().encode(`the text of ${name}\n`) })),
  baseSources,
  nextSources: `${JSON.stringify(
    { stories: [], articles: [{ file: 'raw/old.txt' }, ...batchFiles.map((file) => ({ file }))] },
    null,
    2,
  )}\n`,
}
const everyoneDead = { isAlive: () => false }

beforeEach(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'parallax-commit-'))
  await mkdir(path.join(corpus, 'raw'))
  await writeFile(path.join(corpus, 'raw', 'old.txt'), 'an article already there\n')
  await writeFile(path.join(corpus, 'sources.json'), baseSources)
})
afterEach(async () => {
  await rm(corpus, { recursive: true, force: true })
})

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
}

async function listed(): Promise<string[]> {
  const json = JSON.parse(await readFile(path.join(corpus, 'sources.json'), 'utf8')) as {
    articles: { file: string }[]
  }
  return json.articles.map((a) => a.file).sort()
}

/** A commit that stops dead at its n-th step, as a process killed there would: it never resumes. */
async function commitKilledAtStep(n: number): Promise<CommitStep | null> {
  let seen = 0
  let stoppedAt: CommitStep | null = null
  let reached: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (reached = resolve))
  const commit = commitBatch(corpus, batch, {
    hooks: {
      step: (step) => {
        seen += 1
        if (seen !== n) return
        stoppedAt = step
        reached()
        return new Promise<void>(() => undefined)
      },
    },
  })
  await Promise.race([stopped, commit])
  return stoppedAt
}

describe('committing a batch to the corpus', () => {
  it('adds the raw files and the sources.json that lists them, and leaves nothing else behind', async () => {
    await commitBatch(corpus, batch)
    expect(await allFiles(corpus)).toEqual([...batchFiles, 'raw/old.txt', 'sources.json'].sort())
    expect(await readFile(path.join(corpus, 'sources.json'), 'utf8')).toBe(batch.nextSources)
    expect(await readFile(path.join(corpus, 'raw/second.html'), 'utf8')).toBe('the text of raw/second.html\n')
  })

  it('leaves the corpus whole wherever the writing process is killed, and the next run finishes or undoes it', async () => {
    const outcomes: string[] = []
    for (let n = 1; ; n += 1) {
      await rm(corpus, { recursive: true, force: true })
      await mkdir(path.join(corpus, 'raw'), { recursive: true })
      await writeFile(path.join(corpus, 'raw', 'old.txt'), 'an article already there\n')
      await writeFile(path.join(corpus, 'sources.json'), baseSources)
      const step = await commitKilledAtStep(n)
      if (step === null) break
      // Right after the kill the build still works: every file sources.json lists is there.
      const present = await allFiles(corpus)
      for (const f of await listed()) expect(present, `killed after step ${n} (${step})`).toContain(f)

      const report = await recoverCorpus(corpus, everyoneDead)
      expect(report, `step ${n}`).toHaveLength(1)
      const files = await allFiles(corpus)
      expect(files, `no raw file unlisted, nothing temporary, after step ${n} (${step})`).toEqual(
        [...(await listed()), 'sources.json'].sort(),
      )
      outcomes.push(`${step}: ${files.length - 2} added`)
    }
    // Before the journal exists nothing is added; from the journal on, the whole batch is.
    expect(outcomes).toEqual([
      'staged-file: 0 added',
      'staged-file: 0 added',
      'staged-file: 0 added',
      'staged-sources: 0 added',
      'journal: 3 added',
      'moved-file: 3 added',
      'moved-file: 3 added',
      'moved-file: 3 added',
      'moved-sources: 3 added',
    ])
  })

  it('rolls a half-applied batch back when sources.json was edited after the kill', async () => {
    expect(await commitKilledAtStep(7)).toBe('moved-file')
    const edited = baseSources.replace(
      '"stories": []',
      '"stories": [{"id": "x", "title": "X", "date": null}]',
    )
    await writeFile(path.join(corpus, 'sources.json'), edited)
    const report = await recoverCorpus(corpus, everyoneDead)
    expect(report[0]).toMatch(/rolled back/)
    expect(await allFiles(corpus)).toEqual(['raw/old.txt', 'sources.json'])
    expect(await readFile(path.join(corpus, 'sources.json'), 'utf8')).toBe(edited)
  })

  it('adds nothing when interrupted before its commit point', async () => {
    const controller = new AbortController()
    const commit = commitBatch(corpus, batch, {
      signal: controller.signal,
      hooks: { step: (step) => void (step === 'staged-file' && controller.abort()) },
    })
    await expect(commit).rejects.toThrow(CommitAbortedError)
    expect(await allFiles(corpus)).toEqual(['raw/old.txt', 'sources.json'])
  })

  it('finishes the batch when interrupted after its commit point', async () => {
    const controller = new AbortController()
    await commitBatch(corpus, batch, {
      signal: controller.signal,
      hooks: { step: (step) => void (step === 'journal' && controller.abort()) },
    })
    expect(await listed()).toEqual([...batchFiles, 'raw/old.txt'].sort())
    expect(await allFiles(corpus)).toHaveLength(5)
  })

  it('refuses a batch planned against a sources.json that has changed since', async () => {
    await writeFile(path.join(corpus, 'sources.json'), `${baseSources}\n`)
    await expect(commitBatch(corpus, batch)).rejects.toThrow(CorpusChangedError)
    expect(await allFiles(corpus)).toEqual(['raw/old.txt', 'sources.json'])
  })

  it('refuses to write while another live ingest holds the corpus, and takes over a dead one’s lock', async () => {
    await mkdir(path.join(corpus, '.ingest'))
    await writeFile(path.join(corpus, '.ingest', 'lock'), `${process.ppid}\n`)
    await expect(commitBatch(corpus, batch)).rejects.toThrow(CorpusBusyError)
    await expect(commitBatch(corpus, batch)).rejects.toThrow(/process \d+/)
    await commitBatch(corpus, batch, everyoneDead)
    expect(await allFiles(corpus)).toHaveLength(5)
  })
})

describe('recovering the corpus', () => {
  it('removes temporary files whose writer has died, and leaves a clean corpus alone', async () => {
    await writeFile(path.join(corpus, 'sources.json.tmp-4000001-1700000000000-1'), '{')
    await writeFile(path.join(corpus, 'raw', 'cut.txt.tmp-4000001-1700000000000-2'), 'half')
    expect(await recoverCorpus(corpus, everyoneDead)).toEqual([
      'removed 2 temporary files left by an interrupted write',
    ])
    expect(await allFiles(corpus)).toEqual(['raw/old.txt', 'sources.json'])
    expect(await recoverCorpus(corpus)).toEqual([])
  })

  it('leaves the staged batch of an ingest that is still running alone', async () => {
    expect(await commitKilledAtStep(2)).toBe('staged-file')
    // This process is alive, so its batch is not an interrupted one.
    await recoverCorpus(corpus, { isAlive: (pid) => pid === process.pid })
    expect((await readdir(path.join(corpus, '.ingest'))).some((n) => n.startsWith('batch-'))).toBe(true)
  })
})
