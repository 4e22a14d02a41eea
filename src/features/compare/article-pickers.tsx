import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import type { ArticleIndex, ArticleSummary } from '../../core/schema'
import { paths, type CompareFilter } from '../../lib/paths'
import { outletLabel } from './labels'

function optionLabel(a: ArticleSummary): string {
  return `${outletLabel(a)}: ${a.headline}`
}

/** Every article in the index, grouped by story, then those in no story. */
function ArticleOptions({ index }: { index: ArticleIndex }) {
  const byId = new Map(index.articles.map((a) => [a.id, a]))
  const inStory = new Set(index.stories.flatMap((s) => s.articleIds))
  const loose = index.articles.filter((a) => !inStory.has(a.id))
  return (
    <>
      {index.stories.map((story) => (
        <optgroup key={story.id} label={story.title}>
          {story.articleIds.map((id) => {
            const a = byId.get(id)
            return a ? (
              <option key={id} value={id}>
                {optionLabel(a)}
              </option>
            ) : null
          })}
        </optgroup>
      ))}
      {loose.length > 0 ? (
        <optgroup label="Not part of a story">
          {loose.map((a) => (
            <option key={a.id} value={a.id}>
              {optionLabel(a)}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  )
}

/**
 * Choose any two articles. Changing a select does not navigate by itself (that would move a keyboard
 * user who is only browsing the options); "Compare" does. "Swap sides" is a plain link.
 */
export function ArticlePickers({
  index,
  leftId,
  rightId,
  filter,
}: {
  index: ArticleIndex
  leftId: string
  rightId: string
  filter?: CompareFilter
}) {
  const navigate = useNavigate()
  const [left, setLeft] = useState(leftId)
  const [right, setRight] = useState(rightId)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void navigate(paths.compare.build(left, right))
  }
  return (
    <form className="cmp-pickers" onSubmit={onSubmit} aria-label="Choose the articles to compare">
      <div className="cmp-picker">
        <label htmlFor="cmp-pick-left">Left article</label>
        <select id="cmp-pick-left" value={left} onChange={(e) => setLeft(e.target.value)}>
          <ArticleOptions index={index} />
        </select>
      </div>
      <div className="cmp-picker">
        <label htmlFor="cmp-pick-right">Right article</label>
        <select id="cmp-pick-right" value={right} onChange={(e) => setRight(e.target.value)}>
          <ArticleOptions index={index} />
        </select>
      </div>
      <div className="cmp-picker-actions">
        <button type="submit" className="button cmp-button cmp-button-primary">
          Compare
        </button>
        <Link className="button cmp-button" to={paths.compare.build(rightId, leftId, { filter })}>
          Swap sides
        </Link>
      </div>
    </form>
  )
}
