import { memo, useSyncExternalStore } from 'react'
import type { BlockBudget } from '../model/block-budget'
import { FLAG_SELECTED, type HighlightStore } from '../model/highlight-store'
import { PassageView } from './passage-view'
import type { Block, Side, SideModel } from '../model/passages'

export function blockDomId(side: Side, blockId: string): string {
  return `cmp-${side}-b-${blockId}`
}

/** Whether a passage of the block is part of the selected link (a filter never hides that block). */
function holdsSelected(block: Block, store: HighlightStore): boolean {
  return block.pieces.some(
    (piece) => piece.type === 'passage' && (store.flagsOf(piece.passage) & FLAG_SELECTED) !== 0,
  )
}

/**
 * Marks the blocks holding `passages` by whether a passage in them is selected now, after their flags
 * were written to the document (see applyPassageFlags).
 */
export function markBlocksHoldingSelected(passages: readonly HTMLElement[]): void {
  const blocks = new Set(passages.map((el) => el.closest<HTMLElement>('.cmp-block')))
  for (const block of blocks) {
    block?.toggleAttribute('data-holds-selected', block.querySelector('[data-selected]') !== null)
  }
}

/** Memoised: a batch of new blocks does not re-render the blocks already there. */
const BlockView = memo(function BlockView({
  side,
  block,
  store,
}: {
  side: Side
  block: Block
  store: HighlightStore
}) {
  const Tag = block.role === 'headline' ? 'h3' : 'p'
  return (
    <Tag
      id={blockDomId(side, block.id)}
      className={`cmp-block cmp-block-${block.role}`}
      data-has-linked={block.hasLinked ? '' : undefined}
      data-has-only={block.hasOnly ? '' : undefined}
      data-holds-selected={holdsSelected(block, store) ? '' : undefined}
    >
      {/* Plain text pieces are strings, which need no key; passages are keyed by their offset. */}
      {block.pieces.map((piece) =>
        piece.type === 'text' ? (
          piece.text
        ) : piece.passage.kind === 'plain' ? (
          // Wrapped so the filters can hide it.
          <span key={piece.passage.key} className="cmp-plain">
            {piece.passage.text}
          </span>
        ) : (
          <PassageView key={piece.passage.key} passage={piece.passage} store={store} />
        ),
      )}
    </Tag>
  )
})

/**
 * An article's headline, deck and paragraphs, memoised: it renders once per batch of blocks, not per
 * hover. How many blocks is the budget's business (all of them in server HTML; a screen first, then the
 * rest in batches, in a page rendered in the browser); `minimum` makes sure the blocks holding the selected
 * pair or the difference in focus are there whatever the budget says.
 */
export const ArticleText = memo(function ArticleText({
  side,
  store,
  budget,
  minimum,
}: {
  side: SideModel
  store: HighlightStore
  budget: BlockBudget
  minimum: number
}) {
  const budgeted = useSyncExternalStore(
    budget.subscribe,
    () => budget.count(side.side),
    () => side.blocks.length,
  )
  const count = Math.max(budgeted, minimum)
  const blocks = count >= side.blocks.length ? side.blocks : side.blocks.slice(0, count)
  return (
    <>
      {blocks.map((block) => (
        <BlockView key={block.id} side={side.side} block={block} store={store} />
      ))}
    </>
  )
})
