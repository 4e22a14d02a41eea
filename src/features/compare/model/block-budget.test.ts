import { describe, expect, it } from 'vitest'
import { BATCH_CHARS, createBlockBudget } from './block-budget'
import {
  blockLength,
  blocksThrough,
  buildCompareModel,
  firstScreenBlocks,
  type Block,
  type Side,
} from './passages'
import { makeArticle, makeComparison } from '../test-fixtures'

const paragraphs = (n: number, prefix: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${prefix} paragraph ${i + 1} says something of about one hundred characters, more or less, in plain words.`,
  )

const long = makeArticle({ id: 'long', headline: 'Long', paragraphs: paragraphs(100, 'Left') })
const other = makeArticle({ id: 'other', headline: 'Other', paragraphs: paragraphs(60, 'Right') })
const model = buildCompareModel(long, other, makeComparison(long, other, []))

/** A scheduler the test runs by hand: each `flush` runs what was scheduled (one batch). */
function manualScheduler() {
  let queued: (() => void)[] = []
  return {
    schedule: (run: () => void) => {
      queued.push(run)
      return () => {
        queued = queued.filter((r) => r !== run)
      }
    },
    pending: () => queued.length,
    flush() {
      const now = queued
      queued = []
      now.forEach((run) => run())
    },
  }
}

const charsOf = (side: Side, count: number) =>
  model[side].blocks.slice(0, count).reduce((n, b) => n + blockLength(b), 0)

describe('what renders first', () => {
  const desktop = { width: 1440, height: 900, wide: true, rem: 16, restoring: false }
  const phone = { width: 375, height: 740, wide: false, rem: 16, restoring: false }

  it('renders about a screen of text first, not a hundred paragraphs', () => {
    const count = firstScreenBlocks(model.left, desktop)
    // 530 px of column below the page's heading: a few paragraphs, and one to spare.
    expect(count).toBeGreaterThan(3)
    expect(count).toBeLessThan(15)
  })

  it('renders more first on a tall, wide screen than on a phone, and more when the reader scrolls back', () => {
    const tall = firstScreenBlocks(model.left, { ...desktop, height: 1600 })
    expect(charsOf('left', firstScreenBlocks(model.left, phone))).toBeLessThan(charsOf('left', tall))
    expect(firstScreenBlocks(model.left, desktop)).toBeLessThan(tall)
    // Back to a comparison scrolled down to its columns: they may fill the whole window.
    expect(firstScreenBlocks(model.left, { ...desktop, restoring: true })).toBeGreaterThan(
      firstScreenBlocks(model.left, desktop),
    )
    // A reader's larger default font scales the whole layout: a window scaled alike shows the same.
    expect(firstScreenBlocks(model.left, { ...desktop, width: 2160, height: 1350, rem: 24 })).toBe(
      firstScreenBlocks(model.left, desktop),
    )
  })

  it('gives one block more than fills the window, so the block the edge cuts is whole', () => {
    // One line of text per block here: each takes a line and the space after it.
    const line = makeArticle({
      id: 'lines',
      headline: 'L',
      paragraphs: Array.from({ length: 50 }, () => 'Short.'),
    })
    const lines = buildCompareModel(line, other, makeComparison(line, other, []))
    const headline = 16 * 1.35 * 1.3 + 16
    const paragraph = 16 * 1.65 + 16
    const top = 23 * 16
    // Nine paragraphs under the headline fall 1 px short of the bottom: a tenth, then one to spare.
    expect(firstScreenBlocks(lines.left, { ...desktop, height: top + headline + 9 * paragraph + 1 })).toBe(12)
    // Nine reach 1 px past it: the ninth is the one the edge cuts, then one to spare.
    expect(firstScreenBlocks(lines.left, { ...desktop, height: top + headline + 9 * paragraph - 1 })).toBe(11)
  })

  it('counts only the blocks a filter shows', () => {
    const everyOther = (block: Block) => block.role !== 'paragraph' || Number(block.id.slice(1)) % 2 === 0
    const filtered = firstScreenBlocks(model.left, desktop, everyOther)
    expect(filtered).toBeGreaterThan(firstScreenBlocks(model.left, desktop))
  })

  it('always renders the headline and the block after it, and no more blocks than there are', () => {
    expect(firstScreenBlocks(model.left, { ...desktop, height: 0 })).toBeGreaterThanOrEqual(2)
    const brief = makeArticle({ id: 'brief', headline: 'Brief', paragraphs: paragraphs(3, 'Brief') })
    const short = buildCompareModel(brief, other, makeComparison(brief, other, []))
    const all = short.left.blocks.length
    expect(firstScreenBlocks(short.left, { ...desktop, height: 100_000 })).toBe(all)
  })

  it('includes the block of a pair the address points to, and the one after it', () => {
    const m = buildCompareModel(
      long,
      long,
      makeComparison(long, long, [], [{ paragraphId: 'p90', start: 0, end: 5 }]),
    )
    const key = m.left.passages.find((p) => p.blockId === 'p90')!.key
    // headline (1) + p1..p90 = 91 blocks, plus one after.
    expect(blocksThrough(m.left, [key])).toBe(92)
    expect(blocksThrough(m.left, [])).toBe(0)
  })
})

describe('rendering the rest', () => {
  it('adds nothing until the first screen is drawn, then the rest batch by batch until both articles are whole', () => {
    const scheduler = manualScheduler()
    const budget = createBlockBudget(model, { left: 5, right: 5 }, scheduler.schedule)
    let changes = 0
    budget.subscribe(() => changes++)
    expect(scheduler.pending()).toBe(0)
    budget.start()
    let batches = 0
    while (scheduler.pending() > 0) {
      const before = { left: budget.count('left'), right: budget.count('right') }
      scheduler.flush()
      batches++
      const grown = (['left', 'right'] as const).filter((s) => budget.count(s) > before[s])
      // One column per batch, and never more than a batch's worth of text (plus the paragraph that crosses it).
      expect(grown).toHaveLength(1)
      const side = grown[0]!
      expect(charsOf(side, budget.count(side)) - charsOf(side, before[side])).toBeLessThan(BATCH_CHARS + 200)
    }
    expect(budget.complete()).toBe(true)
    expect(budget.count('left')).toBe(model.left.blocks.length)
    expect(budget.count('right')).toBe(model.right.blocks.length)
    expect(batches).toBeGreaterThan(3)
    expect(changes).toBe(batches)
  })

  it('keeps both columns at about the same length while they grow', () => {
    const scheduler = manualScheduler()
    const budget = createBlockBudget(model, { left: 2, right: 2 }, scheduler.schedule)
    budget.start()
    for (let i = 0; i < 4; i++) scheduler.flush()
    const gap = Math.abs(charsOf('left', budget.count('left')) - charsOf('right', budget.count('right')))
    expect(gap).toBeLessThanOrEqual(BATCH_CHARS + 200)
  })

  it('renders everything at once when the reader asks for a place further down', () => {
    const scheduler = manualScheduler()
    const budget = createBlockBudget(model, { left: 3, right: 3 }, scheduler.schedule)
    budget.start()
    budget.showAll()
    expect(budget.complete()).toBe(true)
    expect(scheduler.pending()).toBe(0)
  })

  it('stops adding paragraphs when the view goes away', () => {
    const scheduler = manualScheduler()
    const budget = createBlockBudget(model, { left: 3, right: 3 }, scheduler.schedule)
    budget.start()
    budget.stop()
    expect(scheduler.pending()).toBe(0)
    expect(budget.count('left')).toBe(3)
  })

  it('has nothing to do for server HTML, which has every paragraph', () => {
    const scheduler = manualScheduler()
    const budget = createBlockBudget(
      model,
      { left: model.left.blocks.length, right: model.right.blocks.length },
      scheduler.schedule,
    )
    budget.start()
    expect(budget.complete()).toBe(true)
    expect(scheduler.pending()).toBe(0)
  })
})
