import { Link } from 'react-router'
import { paths } from '../../lib/paths'
import { formatDate, plural } from '../../ui/format'
import type { StoryGroup } from './library-model'

/**
 * A story's heading. A story with two or more articles offers a side-by-side comparison of its two newest
 * articles. `total` is the story's size before filtering, so a filtered view still says what exists.
 */
export function StoryHeader({ group }: { group: StoryGroup }) {
  const headingId = `story-${group.id}`
  const [first, second] = group.articles
  return (
    <header className="story-header">
      <h2 id={headingId} className="story-title">
        {group.title}
      </h2>
      <p className="story-meta">
        {group.date ? <time dateTime={group.date}>{formatDate(group.date)}</time> : null}
        <span>{plural(group.articles.length, 'article')}</span>
      </p>
      {!group.standalone && first && second ? (
        <Link
          className="button story-compare"
          to={paths.compare.build(first.id, second.id)}
          aria-describedby={headingId}
        >
          Compare side by side
        </Link>
      ) : null}
    </header>
  )
}
