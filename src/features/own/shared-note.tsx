import type { OwnArticle } from './own-model'
import './own.css'

/** Above an article opened from a link that carries it: it is not stored until the reader keeps it. */
export function SharedNote({
  own,
  onKeep,
  problem,
}: {
  own: OwnArticle
  onKeep: () => void
  problem: string | null
}) {
  return (
    <aside className="own-note" aria-label="About this article">
      <p>
        An article someone shared with you: it came inside the link, from no server, and is not kept until you
        keep it.
        {own.corrections.headline || own.corrections.published
          ? ' Its sender corrected what the analysis found.'
          : ''}
      </p>
      <button type="button" className="button" onClick={onKeep}>
        Keep in your articles
      </button>
      {problem ? <p role="alert">{problem}</p> : null}
    </aside>
  )
}
