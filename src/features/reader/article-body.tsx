import type { ResolvedSelector } from '../../core/selectors'
import { CopyLinkButton } from '../../ui/copy-link-button'
import { AnnotatedText } from './annotated-text'
import type { Block } from './article-quotes'
import { useReaderState } from './reader-context'
import { useArticlePath } from './article-path'

/** "p3" -> "paragraph 3" for labels a person hears. */
function paragraphLabel(id: string): string {
  const n = /^p(\d+)$/.exec(id)?.[1]
  return n ? `paragraph ${n}` : id
}

function Paragraph({
  block,
  targeted,
  passage,
}: {
  block: Block
  targeted: boolean
  passage: ResolvedSelector | null
}) {
  const { articleId, quotes } = useReaderState()
  const articlePath = useArticlePath()
  const layout = quotes.layouts.get(block.id)
  const label = paragraphLabel(block.id)
  return (
    // tabIndex -1: a paragraph link moves focus here, so reading continues from the linked paragraph.
    <p id={block.id} tabIndex={-1} className={targeted ? 'paragraph is-target' : 'paragraph'}>
      {/* The article's words only: a selection inside it becomes offsets into block.text. */}
      <span data-passage-text={block.id}>
        {layout ? <AnnotatedText pieces={layout.pieces} passage={passage} /> : block.text}
      </span>
      {passage && !passage.exactMatch ? (
        <span className="passage-note" role="status">
          This passage has changed slightly since the link was made.
        </span>
      ) : null}
      <CopyLinkButton
        className="paragraph-link"
        iconOnly
        path={articlePath(articleId, { paragraph: block.id })}
        label="Copy link"
        accessibleLabel={`Copy link to ${label}`}
        copiedMessage={`Link to ${label} copied`}
      />
    </p>
  )
}

/** The article's paragraphs, each with an anchor (`id="p3"`) and its own "copy link" button. */
export function ArticleBody({
  targetParagraph,
  passage,
}: {
  targetParagraph: string | null
  /** `?sel=`: the linked passage, resolved in the current text. */
  passage: ResolvedSelector | null
}) {
  const { quotes } = useReaderState()
  return (
    <div className="reader-body">
      {quotes.blocks
        .filter((b) => b.kind === 'paragraph')
        .map((block) => (
          <Paragraph
            key={block.id}
            block={block}
            targeted={block.id === targetParagraph}
            passage={passage?.paragraphId === block.id ? passage : null}
          />
        ))}
    </div>
  )
}
