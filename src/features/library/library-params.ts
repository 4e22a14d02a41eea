/**
 * The library's state lives in the URL (`?q=&outlet=&speaker=&from=&to=`) so every search can be shared.
 * Values are read defensively: they come from whoever wrote the link.
 */
export type LibraryFilters = {
  /** Free-text search over headline, deck and body; '' when not searching. */
  q: string
  /** An outlet name, `OUTLET_NOT_STATED`, or '' for every outlet. */
  outlet: string
  /** A quoted person's name, or '' for anyone. */
  speaker: string
  /** Published on or after this day (YYYY-MM-DD), or '' for no lower bound. */
  from: string
  /** Published on or before this day (YYYY-MM-DD), or '' for no upper bound. */
  to: string
}

/** The `outlet` value for articles whose outlet is unknown (outlet names are free text, never this slug). */
export const OUTLET_NOT_STATED = 'not-stated'

const MAX_PARAM_LENGTH = 200

// Control characters never belong in a query; nor do bidirectional embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069), which a link can use to make the search box and the title read backwards.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g

/** Very long values are cut rather than rejected. */
function clean(value: string | null): string {
  if (!value) return ''
  return value.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, MAX_PARAM_LENGTH)
}

/** A real calendar day as YYYY-MM-DD, else '' (a bound nobody can read is no bound). */
function day(value: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value?.trim() ?? '')
  if (!m) return ''
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? m[0] : ''
}

export function readLibraryFilters(params: URLSearchParams): LibraryFilters {
  return {
    q: clean(params.get('q')),
    outlet: clean(params.get('outlet')),
    speaker: clean(params.get('speaker')),
    from: day(params.get('from')),
    to: day(params.get('to')),
  }
}

export function hasActiveFilters(filters: LibraryFilters): boolean {
  return (
    filters.q !== '' ||
    filters.outlet !== '' ||
    filters.speaker !== '' ||
    filters.from !== '' ||
    filters.to !== ''
  )
}
