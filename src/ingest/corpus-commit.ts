/**
 * Adding a batch of articles to corpus/ so that an interruption at any moment (Ctrl-C, kill -9, a full
 * disk) leaves the corpus as it was, or with the whole batch: never raw files that sources.json does not
 * list, never a half-written file. Node only.
 *
 *   1. stage: under a lock, the batch's raw files and the new sources.json are written (and synced) into
 *      corpus/.ingest/batch-<pid>-…/, a directory nothing else reads;
 *   2. commit point: a journal naming those files and the sources.json before and after is written there
 *      (atomically, by a rename);
 *   3. apply: each raw file is renamed into corpus/raw/, and the new sources.json renamed over the old one
 *      last; then the staging directory goes.
 *
 * A batch interrupted before its journal exists is discarded by the next run; one with a journal is
 * completed (or, if sources.json has changed since, rolled back) by `recoverCorpus`, which every ingest
 * runs first. sources.json is the corpus's only index, replaced in one rename, so the build always sees
 * a consistent corpus even before that recovery runs.
 */
import { createHash, randomBytes } from 'node:crypto'
import { link, mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { exists, processIsAlive, writeFileAtomic } from './atomic'

export const STAGING_DIR = '.ingest'
const LOCK = 'lock'
const JOURNAL = 'journal.json'
const SOURCES = 'sources.json'

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

export type BatchFile = { /** Relative to the corpus, e.g. raw/x.txt */ name: string; bytes: Uint8Array }

export type Batch = {
  files: readonly BatchFile[]
  /** The sources.json the batch was planned against, exactly as read. */
  baseSources: string
  /** The sources.json that lists the batch. */
  nextSources: string
}

type Journal = {
  version: 1
  before: string
  after: string
  files: { name: string; sha256: string }[]
}

/** Named steps, so a test can stop a commit at each one as a kill -9 would. */
export type CommitStep = 'staged-file' | 'staged-sources' | 'journal' | 'moved-file' | 'moved-sources'
export type CommitHooks = { step?: (step: CommitStep, detail: string) => Promise<void> | void }

export class CorpusBusyError extends Error {
  constructor(pid: number) {
    super(`another ingest (process ${pid}) is writing to this corpus; run again when it has finished`)
    this.name = 'CorpusBusyError'
  }
}

export class CorpusChangedError extends Error {
  constructor() {
    super('sources.json changed while the files were being read (another ingest, or an edit); run again')
    this.name = 'CorpusChangedError'
  }
}

export class CommitAbortedError extends Error {
  constructor() {
    super('interrupted before the batch was committed')
    this.name = 'CommitAbortedError'
  }
}

async function readIfExists(p: string): Promise<Buffer | null> {
  try {
    return await readFile(p)
  } catch {
    return null
  }
}

/** Writes and syncs a file that nothing else reads yet, so its bytes are on disk before the journal is. */
async function writeSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export type LockOptions = { isAlive?: (pid: number) => boolean }

/**
 * Runs `fn` holding corpus/.ingest/lock. The lock file is created whole (written under another name,
 * then hard-linked), so it always holds its owner's pid; a lock whose owner has died is taken over.
 */
export async function withCorpusLock<T>(
  corpusDir: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const isAlive = options.isAlive ?? processIsAlive
  const dir = path.join(corpusDir, STAGING_DIR)
  await mkdir(dir, { recursive: true })
  const lock = path.join(dir, LOCK)
  const mine = path.join(dir, `${LOCK}-${process.pid}-${randomBytes(4).toString('hex')}`)
  await writeSynced(mine, `${process.pid}\n`)
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await link(mine, lock)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 5) throw error
      }
      const owner = Number.parseInt((await readIfExists(lock))?.toString('utf8') ?? '', 10)
      if (isAlive(owner) && owner !== process.pid) throw new CorpusBusyError(owner)
      await rm(lock, { force: true })
    }
  } finally {
    await rm(mine, { force: true })
  }
  try {
    return await fn()
  } finally {
    await rm(lock, { force: true })
    await rmdir(dir).catch(() => undefined)
  }
}

async function currentSources(corpusDir: string): Promise<string> {
  return readFile(path.join(corpusDir, SOURCES), 'utf8')
}

async function applyJournal(
  corpusDir: string,
  staging: string,
  journal: Journal,
  hooks: CommitHooks,
): Promise<void> {
  for (const f of journal.files) {
    const staged = path.join(staging, f.name)
    if (await exists(staged)) {
      await mkdir(path.dirname(path.join(corpusDir, f.name)), { recursive: true })
      await rename(staged, path.join(corpusDir, f.name))
    }
    await hooks.step?.('moved-file', f.name)
  }
  await rename(path.join(staging, SOURCES), path.join(corpusDir, SOURCES))
  await hooks.step?.('moved-sources', SOURCES)
}

/** The files sources.json lists; read loosely, because it may be a hand-edited, broken file. */
async function listedFiles(corpusDir: string): Promise<Set<string>> {
  try {
    const json = JSON.parse(await currentSources(corpusDir)) as { articles?: { file?: unknown }[] }
    return new Set((json.articles ?? []).map((a) => a.file).filter((f) => typeof f === 'string'))
  } catch {
    return new Set()
  }
}

/** Takes back the files a journal moved in, as long as they are still ours and sources.json does not list them. */
async function rollBack(corpusDir: string, staging: string, journal: Journal | null): Promise<void> {
  if (journal) {
    const listed = await listedFiles(corpusDir)
    for (const f of journal.files) {
      const target = path.join(corpusDir, f.name)
      const bytes = await readIfExists(target)
      if (bytes && sha256(bytes) === f.sha256 && !listed.has(f.name)) {
        await rm(target, { force: true })
      }
    }
  }
  await rm(staging, { recursive: true, force: true })
}

/**
 * Adds the batch's raw files and its sources.json to the corpus, all or nothing (see the top of the file).
 * `signal` stops the commit as long as it has not reached its commit point; after that it is finished,
 * because stopping would leave more to recover than finishing does.
 */
export async function commitBatch(
  corpusDir: string,
  batch: Batch,
  options: { signal?: AbortSignal; hooks?: CommitHooks } & LockOptions = {},
): Promise<void> {
  const hooks = options.hooks ?? {}
  const checkAbort = () => {
    if (options.signal?.aborted) throw new CommitAbortedError()
  }
  await withCorpusLock(
    corpusDir,
    async () => {
      checkAbort()
      if ((await currentSources(corpusDir)) !== batch.baseSources) throw new CorpusChangedError()
      const staging = path.join(
        corpusDir,
        STAGING_DIR,
        `batch-${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`,
      )
      let journal: Journal | null = null
      try {
        for (const f of batch.files) {
          const target = path.join(corpusDir, f.name)
          if (await exists(target)) throw new Error(`${f.name} is already in the corpus`)
          await mkdir(path.dirname(path.join(staging, f.name)), { recursive: true })
          await writeSynced(path.join(staging, f.name), f.bytes)
          await hooks.step?.('staged-file', f.name)
          checkAbort()
        }
        await writeSynced(path.join(staging, SOURCES), batch.nextSources)
        await hooks.step?.('staged-sources', SOURCES)
        checkAbort()
        const planned: Journal = {
          version: 1,
          before: sha256(batch.baseSources),
          after: sha256(batch.nextSources),
          files: batch.files.map((f) => ({ name: f.name, sha256: sha256(f.bytes) })),
        }
        await writeFileAtomic(path.join(staging, JOURNAL), `${JSON.stringify(planned)}\n`)
        journal = planned
        await hooks.step?.('journal', JOURNAL)
        await applyJournal(corpusDir, staging, journal, hooks)
      } catch (error) {
        await rollBack(corpusDir, staging, journal)
        throw error
      }
      // Committed: a failure to tidy up now is left to the next run's recovery.
      await rm(staging, { recursive: true, force: true }).catch(() => undefined)
    },
    options,
  )
}

function parseJournal(text: string | undefined): Journal | null {
  if (text === undefined) return null
  try {
    const j = JSON.parse(text) as Partial<Journal>
    if (j.version !== 1 || typeof j.before !== 'string' || typeof j.after !== 'string') return null
    if (!Array.isArray(j.files)) return null
    const files = j.files.filter(
      (f): f is Journal['files'][number] =>
        typeof f?.name === 'string' &&
        typeof f.sha256 === 'string' &&
        !path.isAbsolute(f.name) &&
        !f.name.split(/[\\/]/).includes('..'),
    )
    return files.length === j.files.length ? { ...(j as Journal), files } : null
  } catch {
    return null
  }
}

const TEMP_NAME = /\.tmp-(\d+)-\d+-\d+$/
const BATCH_NAME = /^batch-(\d+)-/

/** Resolves one interrupted batch: completes it when that is safe, otherwise takes it back out. */
async function recoverBatch(corpusDir: string, staging: string): Promise<string> {
  const journal = parseJournal((await readIfExists(path.join(staging, JOURNAL)))?.toString('utf8'))
  if (!journal) {
    await rm(staging, { recursive: true, force: true })
    return 'an interrupted ingest had not reached its commit point: its staged files were removed, the corpus is as it was before it'
  }
  const current = sha256(await currentSources(corpusDir))
  const n = journal.files.length
  if (current === journal.after) {
    await rm(staging, { recursive: true, force: true })
    return `an interrupted ingest had already added its ${n} article${n === 1 ? '' : 's'}; its staging directory was removed`
  }
  let complete = current === journal.before && (await exists(path.join(staging, SOURCES)))
  for (const f of journal.files) {
    if (!complete) break
    const bytes =
      (await readIfExists(path.join(staging, f.name))) ?? (await readIfExists(path.join(corpusDir, f.name)))
    complete = bytes !== null && sha256(bytes) === f.sha256
  }
  if (complete) {
    await applyJournal(corpusDir, staging, journal, {})
    await rm(staging, { recursive: true, force: true })
    return `completed an interrupted ingest: ${n} article${n === 1 ? '' : 's'} added`
  }
  await rollBack(corpusDir, staging, journal)
  return 'an interrupted ingest could not be completed (sources.json changed since): it was rolled back'
}

async function sweepTemporaries(dir: string, isAlive: (pid: number) => boolean): Promise<number> {
  let removed = 0
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name)
    if (m && !isAlive(Number(m[1]))) {
      await rm(path.join(dir, name), { force: true })
      removed += 1
    }
  }
  return removed
}

/**
 * Finishes or undoes what an interrupted ingest left in the corpus, and removes temporary files whose
 * writer has died. Returns a sentence for each thing it did. Batches of a live ingest are left alone.
 */
export async function recoverCorpus(corpusDir: string, options: LockOptions = {}): Promise<string[]> {
  const isAlive = options.isAlive ?? processIsAlive
  const done: string[] = []
  const staging = path.join(corpusDir, STAGING_DIR)
  const swept =
    (await sweepTemporaries(corpusDir, isAlive)) +
    (await sweepTemporaries(path.join(corpusDir, 'raw'), isAlive))
  if (swept > 0)
    done.push(`removed ${swept} temporary file${swept === 1 ? '' : 's'} left by an interrupted write`)
  if (!(await exists(staging))) return done
  await withCorpusLock(
    corpusDir,
    async () => {
      for (const name of await readdir(staging)) {
        const full = path.join(staging, name)
        const batch = BATCH_NAME.exec(name)
        if (batch) {
          if (!isAlive(Number(batch[1]))) done.push(await recoverBatch(corpusDir, full))
        } else if (name !== LOCK) {
          // A lock file of a process that died while taking the lock.
          const owner = /^lock-(\d+)-/.exec(name)
          if (owner && !isAlive(Number(owner[1]))) await rm(full, { force: true })
        }
      }
    },
    options,
  )
  return done
}

/** Files in corpus/raw/ that sources.json does not list (left by older versions, or put there by hand). */
export async function unlistedRawFiles(corpusDir: string, listed: readonly string[]): Promise<string[]> {
  const set = new Set(listed.map((f) => f.replace(/\\/g, '/')))
  let names: string[]
  try {
    names = await readdir(path.join(corpusDir, 'raw'), { recursive: true })
  } catch {
    return []
  }
  const out: string[] = []
  for (const name of names.sort()) {
    const rel = `raw/${name.replace(/\\/g, '/')}`
    if (!set.has(rel) && (await stat(path.join(corpusDir, rel))).isFile()) out.push(rel)
  }
  return out
}
