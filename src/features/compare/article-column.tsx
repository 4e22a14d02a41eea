import { memo } from 'react'
import type { HighlightStore } from './highlight-store'
import { PassageView } from './passage-view'
import type { Block, SideModel } from './passages'

function BlockView({ block, store }: { block: Block; store: HighlightStore }) {
  const Tag = block.role === 'headline' ? 'h3' : 'p'
  return (
    <Tag
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

/** An article's headline, deck and paragraphs, memoised: it renders once per comparison, not per hover. */
export const ArticleText = memo(function ArticleText({
  side,
  store,
}: {
  side: SideModel
  store: HighlightStore
}) {
  return (
    <>
      {side.blocks.map((block) => (
        <BlockView key={block.id} block={block} store={store} />
      ))}
    </>
  )
})
