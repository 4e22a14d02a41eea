import { useEffect, useId, useRef, type RefObject } from 'react'
import { SearchIcon } from '../../ui/icons'
import type { FilterOption } from './library-model'
import type { LibraryFilters } from './library-params'

type Props = {
  filters: LibraryFilters
  outlets: FilterOption[]
  speakers: FilterOption[]
  /** What the URL's outlet or person is called when nobody in the library has that name. */
  unknown: { outlet: string | null; speaker: string | null }
  /** The first and last publication days, for the date fields (null when no article states a date). */
  dates: { min: string; max: string } | null
  /** Called with the changed fields; `commit` says whether the change deserves its own history entry. */
  onChange: (patch: Partial<LibraryFilters>, commit: boolean) => void
  /** Called on the first keystroke, so the search index starts loading while the user is still typing. */
  onSearchIntent: () => void
  searchInputRef: RefObject<HTMLInputElement | null>
}

const TYPING_DELAY_MS = 250

/**
 * A select stays usable (and cheap to render) with at most this many choices; options come sorted by how
 * many articles they cover, so the list is the most useful ones. Anyone else can still be filtered by link.
 * See docs/decisions/0019-corpus-scale-lists.md.
 */
export const MAX_FILTER_OPTIONS = 100

type ShownOption = Omit<FilterOption, 'count'> & { count: number | null }

/**
 * The options a select shows: the first MAX_FILTER_OPTIONS, plus the URL's value wherever it is. A value no
 * article has is labelled `unknownLabel` ("No outlet named …"), with no count: there is nothing to count.
 */
export function visibleOptions(
  options: FilterOption[],
  current: string,
  unknownLabel: string | null = null,
): ShownOption[] {
  const shown = options.length > MAX_FILTER_OPTIONS ? options.slice(0, MAX_FILTER_OPTIONS) : options
  if (current === '' || shown.some((o) => o.value === current)) return shown
  if (unknownLabel !== null) return [...shown, { value: current, label: unknownLabel, count: null }]
  // Not among the first, or none left under the other filters: show it anyway, with its count.
  const found = options.find((o) => o.value === current)
  return [...shown, found ?? { value: current, label: current, count: 0 }]
}

const optionText = (o: { label: string; count: number | null }) =>
  o.count === null ? o.label : `${o.label} (${o.count})`

/**
 * Search box and filters. The input is uncontrolled: typing must never wait for the router, and the URL is
 * written a moment after the user pauses. Navigating back or forward writes the URL's value into the box.
 */
export function LibraryToolbar({
  filters,
  outlets,
  speakers,
  unknown,
  dates,
  onChange,
  onSearchIntent,
  searchInputRef,
}: Props) {
  const outletId = useId()
  const speakerId = useId()
  const searchId = useId()
  const fromId = useId()
  const toId = useId()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  /** The last query this component wrote to the URL, to tell our own updates from back/forward. */
  const written = useRef(filters.q)

  useEffect(() => {
    const input = searchInputRef.current
    if (!input || filters.q === written.current) return
    written.current = filters.q
    input.value = filters.q
  }, [filters.q, searchInputRef])

  useEffect(() => () => clearTimeout(timer.current), [])

  const writeQuery = (value: string, commit: boolean) => {
    clearTimeout(timer.current)
    const q = value.trim()
    written.current = q
    onChange({ q }, commit)
  }

  return (
    <form
      role="search"
      aria-label="Articles"
      className="library-toolbar"
      onSubmit={(event) => {
        event.preventDefault()
        writeQuery(searchInputRef.current?.value ?? '', true)
      }}
    >
      <div className="field field-search">
        <label htmlFor={searchId}>Search headlines and text</label>
        <div className="search-box">
          <SearchIcon className="search-icon" />
          <input
            ref={searchInputRef}
            id={searchId}
            name="q"
            type="search"
            defaultValue={filters.q}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={200}
            onChange={(event) => {
              onSearchIntent()
              const value = event.currentTarget.value
              clearTimeout(timer.current)
              timer.current = setTimeout(() => writeQuery(value, false), TYPING_DELAY_MS)
            }}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={outletId}>Outlet</label>
        <select
          id={outletId}
          name="outlet"
          value={filters.outlet}
          onChange={(event) => onChange({ outlet: event.currentTarget.value }, true)}
        >
          <option value="">All outlets</option>
          {visibleOptions(outlets, filters.outlet, unknown.outlet).map((o) => (
            <option key={o.value} value={o.value}>
              {optionText(o)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={speakerId}>Person quoted</label>
        <select
          id={speakerId}
          name="speaker"
          value={filters.speaker}
          onChange={(event) => onChange({ speaker: event.currentTarget.value }, true)}
        >
          <option value="">Anyone</option>
          {visibleOptions(speakers, filters.speaker, unknown.speaker).map((o) => (
            <option key={o.value} value={o.value}>
              {optionText(o)}
            </option>
          ))}
        </select>
      </div>
      {dates ? (
        <fieldset className="field field-dates">
          <legend>Published</legend>
          <div className="date-range">
            <label htmlFor={fromId}>From</label>
            <input
              id={fromId}
              name="from"
              type="date"
              min={dates.min}
              max={filters.to || dates.max}
              value={filters.from}
              onChange={(event) => onChange({ from: event.currentTarget.value }, true)}
            />
            <label htmlFor={toId}>to</label>
            <input
              id={toId}
              name="to"
              type="date"
              min={filters.from || dates.min}
              max={dates.max}
              value={filters.to}
              onChange={(event) => onChange({ to: event.currentTarget.value }, true)}
            />
          </div>
        </fieldset>
      ) : null}
    </form>
  )
}
