/**
 * The library's state lives in the URL (`?q=&outlet=&speaker=`) so every search can be shared.
 * Values are read defensively: they come from whoever wrote the link.
 */
export type LibraryFilters = {
  /** Free-text search over headline, deck and body; '' when not searching. */
  q: string
  /** An outlet name, `OUTLET_NOT_STATED`, or '' for every outlet. */
  outlet: string
  /** A quoted person's name, or '' for anyone. */
  speaker: string
}

/** The `outlet` value for articles whose outlet is unknown (outlet names are free text, never this slug). */
export const OUTLET_NOT_STATED = 'not-stated'

const MAX_PARAM_LENGTH = 200

// Control characters never belong in a query.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g

/** Very long values are cut rather than rejected. */
function clean(value: string | null): string {
  if (!value) return ''
  return value.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, MAX_PARAM_LENGTH)
}

export function readLibraryFilters(params: URLSearchParams): LibraryFilters {
  return {
    q: clean(params.get('q')),
    outlet: clean(params.get('outlet')),
    speaker: clean(params.get('speaker')),
  }
}

export function hasActiveFilters(filters: LibraryFilters): boolean {
  return filters.q !== '' || filters.outlet !== '' || filters.speaker !== ''
}
