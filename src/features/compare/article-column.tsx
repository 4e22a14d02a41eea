import { memo } from 'react'
import type { HighlightStore } from './highlight-store'
import { PassageView } from './passage-view'
import type { Block, Side, SideModel } from './passages'
import { useAfterFirstPaint } from './use-after-first-paint'

export function blockDomId(side: Side, blockId: string): string {
  return `cmp-${side}-b-${blockId}`
}

function BlockView({ side, block, store }: { side: Side; block: Block; store: HighlightStore }) {
  const Tag = block.role === 'headline' ? 'h3' : 'p'
  return (
    <Tag
      id={blockDomId(side, block.id)}
      className={`cmp-block cmp-block-${block.role}`}
      data-has-linked={block.hasLinked ? '' : undefined}
      data-has-only={block.hasOnly ? '' : undefined}
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
}

/**
 * An article's headline, deck and paragraphs, memoised: it renders once per comparison, not per hover.
 * In a page rendered in the browser, the first `firstBlocks` blocks (a screen or two, and the selected
 * pair) render at once and the rest follow in a transition, so the links in view are drawn without
 * waiting for a hundred paragraphs below; server HTML always has every block.
 */
export const ArticleText = memo(function ArticleText({
  side,
  store,
  firstBlocks,
}: {
  side: SideModel
  store: HighlightStore
  firstBlocks: number
}) {
  const everything = useAfterFirstPaint()
  const blocks = everything ? side.blocks : side.blocks.slice(0, firstBlocks)
  return (
    <>
      {blocks.map((block) => (
        <BlockView key={block.id} side={side.side} block={block} store={store} />
      ))}
    </>
  )
})
