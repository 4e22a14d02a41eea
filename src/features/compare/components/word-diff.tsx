import type { WordingOp } from '../../../core/quote-wording'

/**
 * A quote's wording, word by word, left to right: words only the left outlet has are struck through,
 * words only the right has are underlined, each also named in words for screen readers (which do not
 * announce <del>/<ins> by themselves) — never colour alone.
 */
export function WordDiff({
  ops,
  leftLabel,
  rightLabel,
}: {
  ops: readonly WordingOp[]
  leftLabel: string
  rightLabel: string
}) {
  return (
    <p className="cmp-diff">
      {ops.map((op, i) => {
        const space = i > 0 ? ' ' : ''
        if (op.type === 'same') return <span key={i}>{space + op.text}</span>
        if (op.type === 'removed') {
          return (
            <span key={i}>
              {space}
              <del>
                <span className="cmp-sr-only">[only {leftLabel}: </span>
                {op.text}
                <span className="cmp-sr-only">]</span>
              </del>
            </span>
          )
        }
        return (
          <span key={i}>
            {space}
            <ins>
              <span className="cmp-sr-only">[only {rightLabel}: </span>
              {op.text}
              <span className="cmp-sr-only">]</span>
            </ins>
          </span>
        )
      })}
    </p>
  )
}
