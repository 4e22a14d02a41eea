/**
 * How many blocks (headline, deck, paragraphs) of each article the view has rendered. A page rendered in
 * the browser starts with about a screen of each article, so the links in view are drawn without waiting
 * for two hundred paragraphs below; once they are drawn, the rest follows a batch at a time, one batch per
 * task after a paint, so no task grows long enough to hold up a click or a scroll. Server HTML (and its
 * hydration) always has every block.
 *
 * The paragraphs not yet rendered are below the ones in view and the columns scroll on their own, so
 * adding them moves nothing on screen.
 * See docs/decisions/0012-block-budget.md.
 */
import { blockLength, type CompareModel, type Side } from './passages'

/** Characters of article text per batch: a few paragraphs, a task of some 10–20 ms on a slow phone. */
export const BATCH_CHARS = 2500

export type BlockBudget = ReturnType<typeof createBlockBudget>

type Scheduler = (run: () => void) => () => void

/** After the next paint: a frame callback, then a task (so the batch does not delay the frame). */
const afterPaint: Scheduler = (run) => {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 0)
    return () => clearTimeout(timer)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

export function createBlockBudget(
  model: Pick<CompareModel, Side>,
  initial: Record<Side, number>,
  schedule: Scheduler = afterPaint,
) {
  const total = { left: model.left.blocks.length, right: model.right.blocks.length }
  const counts = {
    left: Math.min(total.left, Math.max(0, initial.left)),
    right: Math.min(total.right, Math.max(0, initial.right)),
  }
  const chars = { left: 0, right: 0 }
  for (const side of ['left', 'right'] as const) {
    for (let i = 0; i < counts[side]; i++) chars[side] += blockLength(model[side].blocks[i]!)
  }
  const listeners = new Set<() => void>()
  let cancel: (() => void) | null = null
  let started = false

  const complete = () => counts.left >= total.left && counts.right >= total.right

  /** The next batch for one side: whole blocks adding up to about BATCH_CHARS. */
  function grow(side: Side): void {
    const blocks = model[side].blocks
    let added = 0
    while (counts[side] < blocks.length && added < BATCH_CHARS) added += blockLength(blocks[counts[side]++]!)
    chars[side] += added
  }

  function step(): void {
    cancel = null
    // The side with fewer characters rendered goes first, so both columns fill at the same pace.
    const behind: Side =
      counts.left >= total.left
        ? 'right'
        : counts.right >= total.right
          ? 'left'
          : chars.left <= chars.right
            ? 'left'
            : 'right'
    grow(behind)
    listeners.forEach((l) => l())
    if (!complete()) cancel = schedule(step)
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    count: (side: Side): number => counts[side],
    total: (side: Side): number => total[side],
    complete,
    /** Starts rendering the remaining blocks, batch by batch (once; later calls do nothing). */
    start(): void {
      if (started || complete()) return
      started = true
      cancel = schedule(step)
    },
    /** Renders every remaining block at once (the reader asked for a place further down). */
    showAll(): void {
      if (complete()) return
      cancel?.()
      cancel = null
      started = true
      for (const side of ['left', 'right'] as const) {
        while (counts[side] < total[side]) chars[side] += blockLength(model[side].blocks[counts[side]++]!)
      }
      listeners.forEach((l) => l())
    },
    stop(): void {
      cancel?.()
      cancel = null
    },
  }
}
