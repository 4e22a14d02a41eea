import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceDirectory, writeFileAtomic } from './atomic'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('replaceDirectory', () => {
  it('swaps in the new contents when filling succeeds', async () => {
    const target = path.join(dir, 'data')
    await mkdir(target)
    await writeFile(path.join(target, 'old.json'), 'old')
    await replaceDirectory(target, dir, async (staging) => {
      await writeFile(path.join(staging, 'new.json'), 'new')
    })
    expect(await readdir(target)).toEqual(['new.json'])
    expect(await readdir(dir)).toEqual(['data'])
  })

  it('keeps the old contents, and no staging directory, when filling fails halfway', async () => {
    const target = path.join(dir, 'data')
    await mkdir(target)
    await writeFile(path.join(target, 'index.json'), 'old')
    await expect(
      replaceDirectory(target, dir, async (staging) => {
        await writeFile(path.join(staging, 'index.json'), 'half')
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(await readFile(path.join(target, 'index.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['data'])
  })

  it('clears what a killed replacement left, putting back contents it had set aside mid-swap', async () => {
    const target = path.join(dir, 'data')
    await mkdir(path.join(dir, '.data-staging-4000001-1'))
    await writeFile(path.join(dir, '.data-staging-4000001-1', 'index.json'), 'half')
    // Killed between the two renames: the old data set aside, the target missing.
    await mkdir(path.join(dir, '.data-old-4000001-1'))
    await writeFile(path.join(dir, '.data-old-4000001-1', 'index.json'), 'old')
    await expect(
      replaceDirectory(
        target,
        dir,
        async () => {
          throw new Error('the corpus has a bad file')
        },
        () => false,
      ),
    ).rejects.toThrow('bad file')
    expect(await readdir(dir)).toEqual(['data'])
    expect(await readFile(path.join(target, 'index.json'), 'utf8')).toBe('old')
  })
})

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file', async () => {
    const file = path.join(dir, 'sub', 'sources.json')
    await writeFileAtomic(file, '{"a":1}\n')
    await writeFileAtomic(file, '{"a":2}\n')
    expect(await readFile(file, 'utf8')).toBe('{"a":2}\n')
    expect(await readdir(path.join(dir, 'sub'))).toEqual(['sources.json'])
  })
})
