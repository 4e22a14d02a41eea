import { use, useDeferredValue, useMemo, useState } from 'react'
import type { ArticleIndex } from '../../../core/schema'
import type * as Finder from './article-finder'
import type { CompareFilter } from '../../../lib/paths'
import { groupArticles, PICKER_LIMIT } from '../model/picker-choices'
import { PickerForm, type PickerFormProps } from './picker-form'

type FinderModule = typeof Finder
let finderModule: Promise<FinderModule | null> | null = null
/** The search field's code once loaded (null: it could not be downloaded). */
let loadedFinder: FinderModule | null | undefined

/** The search field's code; null if it cannot be downloaded (asked again next time). */
function loadFinder(): Promise<FinderModule | null> {
  finderModule ??= import('./article-finder').then(
    (module) => (loadedFinder = module),
    () => {
      finderModule = null
      return (loadedFinder = null)
    },
  )
  return finderModule
}

const isLarge = (index: ArticleIndex) => index.articles.length > PICKER_LIMIT

/**
 * For the route's preload: a large corpus's search field is loaded with the page's data, so the page
 * never shows without it (nor moves when it comes).
 */
export function preloadPickers(index: ArticleIndex): Promise<unknown> | null {
  return isLarge(index) ? loadFinder() : null
}

type Props = Omit<PickerFormProps, 'groups' | 'finder'>

function LargeCorpusPickers(props: Props) {
  const { index, left, right } = props
  const finder = loadedFinder !== undefined ? loadedFinder : use(loadFinder())
  const [query, setQuery] = useState('')
  const searched = useDeferredValue(query)
  const choices = useMemo(
    () =>
      finder
        ? finder.pickerChoices(groupArticles, index, searched, [left, right], PICKER_LIMIT)
        : // Without the search field's code: the chosen pair (the page works; choosing others does not).
          { groups: groupArticles(index, (a) => a.id === left || a.id === right), matching: 0 },
    [finder, index, searched, left, right],
  )
  const field = finder ? (
    <finder.FinderField
      query={query}
      setQuery={setQuery}
      searched={searched}
      matching={choices.matching}
      total={index.articles.length}
      limit={PICKER_LIMIT}
    />
  ) : null
  return <PickerForm {...props} groups={choices.groups} finder={field} />
}

/**
 * Choose any two articles. A corpus of up to PICKER_LIMIT articles is listed whole in each select. A larger
 * one gets a search field (its own chunk, loaded with the page: see preloadPickers), and the selects list
 * what it finds, a bounded number at a time.
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
  const [left, setLeft] = useState(leftId)
  const [right, setRight] = useState(rightId)
  const props = { index, leftId, rightId, filter, left, right, setLeft, setRight }
  if (isLarge(index)) return <LargeCorpusPickers {...props} />
  return <PickerForm {...props} groups={groupArticles(index, () => true)} />
}
