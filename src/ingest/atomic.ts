/**
 * Writes that never leave a half-written file or directory behind: write to a temporary name next to
 * the target, then rename (atomic on one filesystem). Node only.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

let counter = 0
const tempName = (target: string) => `${target}.tmp-${process.pid}-${Date.now()}-${(counter += 1)}`

/** Writes `data` to `file` via a temporary file and a rename; on failure the target is untouched. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temp = tempName(file)
  try {
    await writeFile(temp, data, { flag: 'wx' })
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p)
    return true
  } catch {
    return false
  }
}

/**
 * Fills a fresh staging directory with `fill`, then swaps it in for `target` with two renames. If `fill`
 * throws, the staging directory is removed and `target` keeps its old contents.
 */
export async function replaceDirectory(
  target: string,
  stagingParent: string,
  fill: (staging: string) => Promise<void>,
): Promise<void> {
  await mkdir(stagingParent, { recursive: true })
  const staging = path.join(stagingParent, `.${path.basename(target)}-staging-${process.pid}-${Date.now()}`)
  const old = path.join(stagingParent, `.${path.basename(target)}-old-${process.pid}-${Date.now()}`)
  await mkdir(staging, { recursive: true })
  try {
    await fill(staging)
    await mkdir(path.dirname(target), { recursive: true })
    const hadTarget = await exists(target)
    if (hadTarget) await rename(target, old)
    try {
      await rename(staging, target)
    } catch (error) {
      if (hadTarget) await rename(old, target)
      throw error
    }
    if (hadTarget) await rm(old, { recursive: true, force: true })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
