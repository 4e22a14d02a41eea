import type { Link } from '../../core/schema'
import { KIND_EXPLAINED, linkKindLabel, percent } from './labels'

function List({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span className="cmp-muted">{empty}</span>
  return (
    <ul className="cmp-chips">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  )
}

/** Why two passages are linked, in the alignment's own terms, so a reader can judge the link. */
export function LinkEvidence({ link }: { link: Link }) {
  const { evidence } = link
  return (
    <details className="cmp-evidence">
      <summary>Why linked?</summary>
      <dl>
        <div>
          <dt>Kind</dt>
          <dd>
            {linkKindLabel(link.kind)}: {KIND_EXPLAINED[link.kind]}
          </dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>{percent(link.score)} match</dd>
        </div>
        {evidence.quoteOverlap ? (
          <div>
            <dt>Quoted words in common</dt>
            <dd>“{evidence.quoteOverlap}”</dd>
          </div>
        ) : null}
        <div>
          <dt>Shared words</dt>
          <dd>
            <List items={evidence.sharedTerms} empty="None" />
          </dd>
        </div>
        <div>
          <dt>Shared names</dt>
          <dd>
            <List items={evidence.sharedEntities} empty="None" />
          </dd>
        </div>
        <div>
          <dt>Shared numbers and dates</dt>
          <dd>
            <List items={evidence.sharedNumbers} empty="None" />
          </dd>
        </div>
        {evidence.note ? (
          <div>
            <dt>Note</dt>
            <dd>{evidence.note}</dd>
          </div>
        ) : null}
      </dl>
    </details>
  )
}
