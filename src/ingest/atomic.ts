/**
 * Writes that never leave a half-written file or directory behind: write to a temporary name next to
 * the target, then rename (atomic on one filesystem). Node only.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
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

/** Whether a process is running: ESRCH means gone; EPERM means it runs under another user. */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether anything (file, directory, link) is at `p`. */
export async function exists(p: string): Promise<boolean> {
  try {
    await stat(p)
    return true
  } catch {
    return false
  }
}

/**
 * What a replaceDirectory killed mid-way left: its staging directory, and, if it died between its two
 * renames, the previous contents set aside while the target is missing, which are put back.
 */
async function clearDeadStaging(
  target: string,
  stagingParent: string,
  isAlive: (pid: number) => boolean,
): Promise<void> {
  const base = path.basename(target)
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|old)-(\\d+)-`)
  for (const name of await readdir(stagingParent)) {
    const m = pattern.exec(name)
    if (!m || isAlive(Number(m[2]))) continue
    const full = path.join(stagingParent, name)
    if (m[1] === 'old' && !(await exists(target))) await rename(full, target)
    else await rm(full, { recursive: true, force: true })
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
  isAlive: (pid: number) => boolean = processIsAlive,
): Promise<void> {
  await mkdir(stagingParent, { recursive: true })
  await clearDeadStaging(target, stagingParent, isAlive)
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
