/**
 * Every URL in the app is built here. Paths are relative to the router's basename; `getHref` adds the
 * deployment base (import.meta.env.BASE_URL) for links that leave the router (copy link, canonical URLs).
 */

export type LibraryParams = { q?: string; outlet?: string; speaker?: string; from?: string; to?: string }
export type ArticleParams = { paragraph?: string; quote?: string; speaker?: string; sel?: string }
export type CompareFilter = 'all' | 'differ' | 'shared'
export type CompareParams = { link?: string; filter?: CompareFilter; pane?: 'left' | 'right' }

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, value)
  }
  const qs = search.toString()
  return qs ? `${path}?${qs}` : path
}

export const paths = {
  library: {
    pattern: '/',
    build: (params: LibraryParams = {}) => withQuery('/', params),
  },
  article: {
    pattern: '/article/:articleId',
    build: (articleId: string, params: ArticleParams = {}) =>
      withQuery(`/article/${encodeURIComponent(articleId)}`, params),
  },
  compare: {
    pattern: '/compare/:leftId/:rightId',
    build: (leftId: string, rightId: string, params: CompareParams = {}) =>
      withQuery(
        `/compare/${encodeURIComponent(leftId)}/${encodeURIComponent(rightId)}`,
        params.filter === 'all' ? { ...params, filter: undefined } : params,
      ),
  },
  /** Add an article of one's own (issue 20): paste or open, preview, save in this browser. */
  add: {
    pattern: '/add',
    build: () => '/add',
  },
  /** An article the reader added, read from this browser's storage (never on the server). */
  own: {
    pattern: '/mine/:ownId',
    build: (ownId: string, params: ArticleParams = {}) =>
      withQuery(`/mine/${encodeURIComponent(ownId)}`, params),
  },
  /** An article carried by the link itself, in its #fragment (see features/own/share-link.ts). */
  shared: {
    pattern: '/shared',
    build: (payload: string, params: ArticleParams = {}) => `${withQuery('/shared', params)}#${payload}`,
  },
  data: {
    index: () => 'data/index.json',
    search: () => 'data/search.json',
    article: (articleId: string) => `data/articles/${encodeURIComponent(articleId)}.json`,
    comparison: (leftId: string, rightId: string) =>
      `data/compare/${encodeURIComponent(leftId)}--${encodeURIComponent(rightId)}.json`,
    evidence: (leftId: string, rightId: string) =>
      `data/evidence/${encodeURIComponent(leftId)}--${encodeURIComponent(rightId)}.json`,
  },
} as const

/** The deployment base, always ending in a slash ("/" or "/sub/path/"). */
export function basePath(): string {
  const base = import.meta.env.BASE_URL || '/'
  return base.endsWith('/') ? base : `${base}/`
}

/** A router path ("/article/x") or data path ("data/index.json") as an href under the deployment base. */
export function getHref(path: string): string {
  return `${basePath()}${path.replace(/^\/+/, '')}`
}

/** An absolute URL for sharing, on the current origin. */
export function getAbsoluteUrl(path: string, origin: string = globalThis.location?.origin ?? ''): string {
  return `${origin}${getHref(path)}`
}
