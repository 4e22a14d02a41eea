import { ArticleCard } from './article-card'
import { StoryHeader } from './story-header'
import type { StoryRow } from './story-rows'

/**
 * A story's header (on its first row) and a list of its articles. Items carry their position in the whole
 * story, so "3 of 240" is right even when a long story is split over rows and only some are rendered.
 */
export function StoryRowView({ row }: { row: StoryRow }) {
  const total = row.group.articles.length
  return (
    <>
      {row.first ? <StoryHeader group={row.group} /> : null}
      <ul className="card-list" aria-label={row.first ? undefined : `${row.group.title}, continued`}>
        {row.articles.map((article, i) => (
          <li key={article.id} aria-setsize={total} aria-posinset={row.offset + i + 1}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ul>
    </>
  )
}
