import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import type { ArticleIndex } from '../../core/schema'
import { formatCount, plural } from '../../ui/format'
import {
  countArticles,
  dateBounds,
  facetOptions,
  filterGroups,
  groupArticlesByStory,
  outletOptions,
  speakerOptions,
  type FilterOption,
  type StoryGroup,
} from './library-model'
import {
  hasActiveFilters,
  OUTLET_NOT_STATED,
  readLibraryFilters,
  type LibraryFilters,
} from './library-params'
import { CardContextProvider } from './card-context'
import { LibraryToolbar } from './library-toolbar'
import { searchEngineQueryOptions } from './search-query'
import { StoryList } from './story-list'
import { storyRows } from './story-rows'
import { useLibrarySearch, type LibrarySearch } from './use-library-search'

/**
 * Above this many articles the list is virtualised (and the virtualizer downloaded); see
 * docs/decisions/0019-corpus-scale-lists.md.
 */
export const VIRTUALISE_ABOVE = 60
/** Rows shown while the virtualised list's code loads. */
const FIRST_ROWS = 4

const VirtualStoryList = lazy(() =>
  import('./virtual-story-list').then((m) => ({ default: m.VirtualStoryList })),
)

type LibraryModel = {
  groups: StoryGroup[]
  outlets: FilterOption[]
  speakers: FilterOption[]
  dates: { min: string; max: string } | null
}
const models = new WeakMap<ArticleIndex, LibraryModel>()

/**
 * Grouping and counting a large library takes a while, so it is done once per index (the query cache keeps
 * the same object), not again each time someone comes back to the library.
 */
function libraryModel(index: ArticleIndex): LibraryModel {
  let model = models.get(index)
  if (!model) {
    model = {
      groups: groupArticlesByStory(index),
      outlets: outletOptions(index.articles),
      speakers: speakerOptions(index.articles),
      dates: dateBounds(index.articles),
    }
    models.set(index, model)
  }
  return model
}

type Unknown = { outlet: string | null; speaker: string | null }

/** "No outlet named …" for a filter value that names nobody in the library (a mistyped or stale link). */
function unknownValues(filters: LibraryFilters, model: LibraryModel): Unknown {
  const known = (options: FilterOption[], value: string) =>
    value === '' || options.some((o) => o.value === value)
  return {
    outlet:
      known(model.outlets, filters.outlet) || filters.outlet === OUTLET_NOT_STATED
        ? null
        : `No outlet named “${filters.outlet}”`,
    speaker: known(model.speakers, filters.speaker) ? null : `No one named “${filters.speaker}” is quoted`,
  }
}

function statusText(
  search: LibrarySearch,
  filters: LibraryFilters,
  groups: StoryGroup[],
  total: number,
  unknown: Unknown,
): string {
  if (unknown.outlet) return `${unknown.outlet} in the library.`
  if (unknown.speaker) return `${unknown.speaker} in the library.`
  if (search.status === 'loading') return 'Searching…'
  if (search.status === 'error') return 'Search is not available right now.'
  const shown = countArticles(groups)
  if (!hasActiveFilters(filters))
    return `${plural(shown, 'article')} in ${plural(groups.length, 'story', 'stories')}`
  if (shown === 0) return 'No articles match.'
  const what = filters.q ? ` for “${filters.q}”` : ''
  return `Showing ${formatCount(shown)} of ${plural(total, 'article')}${what}`
}

const noSubscription = () => () => {}

/** The library: search and filters (in the URL), then the stories and their articles, newest first. */
export function LibraryView({
  index,
  ownArticles = null,
}: {
  index: ArticleIndex
  /** The reader's own articles ("Your articles", issue 20), shown above the bundled ones. */
  ownArticles?: ReactNode
}) {
  // False in prerendered HTML and while hydrating, true once the controls respond (`data-ready`).
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const queryClient = useQueryClient()
  const [searchParams, setSearchParams] = useSearchParams()
  const searchInput = useRef<HTMLInputElement>(null)
  const filters = useMemo(() => readLibraryFilters(searchParams), [searchParams])
  const search = useLibrarySearch(filters.q)

  const model = libraryModel(index)
  const { groups } = model
  const { outlet, speaker, from, to } = filters
  const visible = useMemo(
    () => filterGroups(groups, { outlet, speaker, from, to }, search.matchIds),
    [groups, outlet, speaker, from, to, search.matchIds],
  )
  const facets = useMemo(
    () =>
      outlet || speaker || from || to || search.matchIds
        ? facetOptions(index.articles, { outlet, speaker, from, to }, search.matchIds)
        : { outlets: model.outlets, speakers: model.speakers },
    [index.articles, model, outlet, speaker, from, to, search.matchIds],
  )
  const unknown = unknownValues(filters, model)
  const cards = useMemo(() => ({ snippets: search.snippets, speaker }), [search.snippets, speaker])
  const virtual = index.articles.length > VIRTUALISE_ABOVE
  const rows = useMemo(() => storyRows(visible, virtual ? undefined : Infinity), [visible, virtual])
  const active = hasActiveFilters(filters)
  const shown = countArticles(visible)

  const onChange = useCallback(
    (patch: Partial<LibraryFilters>, commit: boolean) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value)
            else next.delete(key)
          }
          return next
        },
        { replace: !commit, preventScrollReset: true },
      )
    },
    [setSearchParams],
  )
  const onSearchIntent = useCallback(() => {
    void queryClient.prefetchQuery(searchEngineQueryOptions())
  }, [queryClient])
  const clearFilters = () => {
    onChange({ q: '', outlet: '', speaker: '', from: '', to: '' }, true)
    // The button disappears with the filters; keep keyboard users in the search form.
    searchInput.current?.focus()
  }

  return (
    <div className="page library" data-ready={ready ? 'true' : undefined}>
      <h1>Library</h1>
      <p className="lede">
        News articles grouped by the story they cover, newest first. Open one to see every quote and who said
        it, or compare how two outlets told the same story.
      </p>
      {ownArticles}
      <LibraryToolbar
        filters={filters}
        outlets={facets.outlets}
        speakers={facets.speakers}
        unknown={unknown}
        dates={model.dates}
        onChange={onChange}
        onSearchIntent={onSearchIntent}
        searchInputRef={searchInput}
      />
      <div className="library-status">
        <p role="status" aria-live="polite" className="status-text">
          {statusText(search, filters, visible, index.articles.length, unknown)}
        </p>
        {search.status === 'error' ? (
          <button type="button" className="button" onClick={search.retry}>
            Try search again
          </button>
        ) : null}
        {active ? (
          <button type="button" className="button button-secondary" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>
      <CardContextProvider value={cards}>
        {search.status === 'loading' ? null : shown === 0 ? (
          <div className="empty-state">
            <p className="empty-title">No articles match your search and filters.</p>
            <p>Check the spelling, try fewer words, or choose another outlet or person.</p>
          </div>
        ) : virtual ? (
          <Suspense fallback={<StoryList rows={rows.slice(0, FIRST_ROWS)} />}>
            <VirtualStoryList rows={rows} />
          </Suspense>
        ) : (
          <StoryList rows={rows} />
        )}
      </CardContextProvider>
    </div>
  )
}
