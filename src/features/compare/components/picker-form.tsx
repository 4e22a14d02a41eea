import type { FormEvent, ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import type { ArticleIndex } from '../../../core/schema'
import { paths, type CompareFilter } from '../../../lib/paths'
import { optionLabel, type ChoiceGroup } from '../model/picker-choices'

export type PickerFormProps = {
  index: ArticleIndex
  /** The pair shown. */
  leftId: string
  rightId: string
  filter?: CompareFilter
  /** The pair chosen in the selects, not yet compared. */
  left: string
  right: string
  setLeft: (id: string) => void
  setRight: (id: string) => void
  groups: ChoiceGroup[]
  /** Above the selects: the search field of a large corpus (or the room it will take). */
  finder?: ReactNode
}

function ArticleOptions({ groups }: { groups: ChoiceGroup[] }) {
  return groups.map((group) => (
    <optgroup key={group.key} label={group.label}>
      {group.articles.map((a) => (
        <option key={a.id} value={a.id}>
          {optionLabel(a)}
        </option>
      ))}
    </optgroup>
  ))
}

function Picker({
  side,
  value,
  onChange,
  options,
}: {
  side: 'left' | 'right'
  value: string
  onChange: (id: string) => void
  options: ReactNode
}) {
  return (
    <div className="cmp-picker">
      <label htmlFor={`cmp-pick-${side}`}>{side === 'left' ? 'Left article' : 'Right article'}</label>
      <select id={`cmp-pick-${side}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {options}
      </select>
    </div>
  )
}

/**
 * Changing a select does not navigate by itself (that would move a keyboard user who is only browsing the
 * options); "Compare" does. "Swap sides" is a plain link.
 */
export function PickerForm({
  leftId,
  rightId,
  filter,
  left,
  right,
  setLeft,
  setRight,
  groups,
  finder,
}: PickerFormProps) {
  const navigate = useNavigate()
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void navigate(paths.compare.build(left, right))
  }
  const options = <ArticleOptions groups={groups} />
  return (
    <form className="cmp-pickers" onSubmit={onSubmit} aria-label="Choose the articles to compare">
      {finder}
      <Picker side="left" value={left} onChange={setLeft} options={options} />
      <Picker side="right" value={right} onChange={setRight} options={options} />
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
