import type { StoryRow } from './story-rows'
import { StoryRowView } from './story-row-view'

/** Every row in the document: right for small libraries (find-in-page works, nothing to measure). */
export function StoryList({ rows }: { rows: readonly StoryRow[] }) {
  return (
    <div className="story-list">
      {rows.map((row) => (
        <section key={row.key} className={row.first ? 'story' : 'story story-continued'}>
          <StoryRowView row={row} />
        </section>
      ))}
    </div>
  )
}
