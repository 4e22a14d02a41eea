import { useId } from 'react'
import { Link } from 'react-router'
import type { Quote } from '../../core/schema'
import { plural } from '../../ui/format'
import type { SpeakerGroup } from './article-quotes'
import { useArticlePath } from './article-path'

type Props = {
  articleId: string
  groups: SpeakerGroup[]
  /** The focused group's id (`?speaker=`), or null. */
  focused: string | null
  /** Ids of the quotes that are highlighted in the text (others are listed without a link). */
  placed: ReadonlySet<string>
  onFocus: (groupId: string | null) => void
}

const SNIPPET_LENGTH = 90

function snippet(quote: Quote): string {
  const text = quote.text.trim().replace(/\s+/g, ' ')
  if (text.length <= SNIPPET_LENGTH) return text
  const cut = text.slice(0, SNIPPET_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SNIPPET_LENGTH - 20))}…`
}

/**
 * Everyone quoted, most quoted first, with their role and number of quotes. Choosing a person focuses their
 * quotes (the others are dimmed) and lists them as links into the text.
 */
export function SpeakerPanel({ articleId, groups, focused, placed, onFocus }: Props) {
  const articlePath = useArticlePath()
  const headingId = useId()
  if (groups.length === 0) {
    return (
      <div className="speaker-panel">
        <h3 id={headingId}>People quoted</h3>
        <p className="muted">No direct quotations were found in this article.</p>
      </div>
    )
  }
  return (
    <div className="speaker-panel">
      <h3 id={headingId}>People quoted</h3>
      <ul className="speaker-list" aria-labelledby={headingId}>
        {groups.map((group) => {
          const selected = focused === group.id
          return (
            <li key={group.id} className={selected ? 'speaker is-selected' : 'speaker'}>
              <button
                type="button"
                className={`speaker-button speaker-${group.colour}`}
                aria-pressed={selected}
                onClick={() => onFocus(selected ? null : group.id)}
              >
                <span className="speaker-swatch" aria-hidden="true" />
                <span className="speaker-name">{group.name}</span>
                {group.role ? <span className="speaker-role">{group.role}</span> : null}
                <span className="speaker-count">{plural(group.quotes.length, 'quote')}</span>
              </button>
              {selected ? (
                <ol className="speaker-quotes" aria-label={`Quotes by ${group.name}`}>
                  {group.quotes.map((q) => (
                    <li key={q.id}>
                      {placed.has(q.id) ? (
                        <Link
                          to={articlePath(articleId, { speaker: group.id, quote: q.id })}
                          preventScrollReset
                        >
                          “{snippet(q)}”
                        </Link>
                      ) : (
                        <span>
                          “{snippet(q)}” <span className="muted">(could not be located in the text)</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          )
        })}
      </ul>
      {focused ? (
        <button type="button" className="button button-secondary" onClick={() => onFocus(null)}>
          Show all speakers
        </button>
      ) : null}
    </div>
  )
}
