/**
 * Timing figures from a busy machine measure the machine, not the app: Lighthouse's simulated 4× CPU multiplies
 * every task that waited for a core. Browser suites wait (a while, not for ever) for the one-minute load
 * average to drop, and their notes say what it was.
 */
import { availableParallelism, loadavg } from 'node:os'

/** Load average per core at or below which the machine counts as quiet. */
const quietLoadPerCore = Number(process.env.PARALLAX_BENCH_QUIET_LOAD ?? 1.5)
const maxWaitMs = Number(process.env.PARALLAX_BENCH_QUIET_WAIT_MS ?? 300_000)

/** Waits until the machine is quiet or the wait runs out; returns the one-minute load average then. */
export async function waitForQuietMachine(): Promise<number> {
  const cores = availableParallelism()
  const deadline = Date.now() + maxWaitMs
  let told = false
  while (loadavg()[0]! > quietLoadPerCore * cores && Date.now() < deadline) {
    if (!told) {
      process.stderr.write(
        `bench: waiting for a quieter machine (load ${loadavg()[0]!.toFixed(1)} on ${cores} cores)...\n`,
      )
      told = true
    }
    await new Promise((r) => setTimeout(r, 5_000))
  }
  return loadavg()[0]!
}

/** "load 1.2/2 cores": for the notes of timing results. */
export function loadNote(load: number): string {
  return `load ${load.toFixed(1)}/${availableParallelism()} cores`
}
