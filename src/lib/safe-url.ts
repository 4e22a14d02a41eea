/**
 * The allowlist for every link built from data or from a URL parameter: absolute http(s) URLs, and paths on
 * this site. Everything else — `javascript:`, `data:`, `vbscript:`, `blob:`, protocol-relative `//host`,
 * backslash tricks, embedded credentials, control characters — gives null, and the caller shows plain text
 * instead of a link.
 *
 * The result is the URL as the browser's own parser serialises it, so what is checked is exactly what the
 * browser will follow (an href that looks different to a checker and to the browser is how filters get
 * bypassed).
 */

const maxLength = 2048
// C0 controls and DEL. The URL parser silently drops some of them (`java\tscript:`), so they are refused, not
// stripped; leading and trailing spaces, which scraped text often carries, are trimmed.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/
const absoluteHttp = /^https?:\/\//i

function defaultBase(): string {
  return globalThis.location?.href ?? 'http://localhost/'
}

/**
 * `url` as a safe href, or null.
 * - `http://…` and `https://…` (any case) → the normalised absolute URL, if it has a host and no user:password@;
 * - `/path`, `?query`, `#fragment` → the same-origin path (`/path?query#fragment`), resolved against `base`
 *   (default: the current page), so it can never leave the site;
 * - anything else → null.
 */
export function safeHref(url: string, base: string = defaultBase()): string | null {
  if (typeof url !== 'string') return null
  const s = url.replace(/^ +| +$/g, '')
  if (s === '' || s.length > maxLength || controlChars.test(s) || s.includes('\\')) return null

  if (absoluteHttp.test(s)) {
    let parsed: URL
    try {
      parsed = new URL(s)
    } catch {
      return null
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    if (!parsed.hostname || parsed.username || parsed.password) return null
    return parsed.href
  }

  const sameOriginRef = (s.startsWith('/') && !s.startsWith('//')) || s.startsWith('?') || s.startsWith('#')
  if (!sameOriginRef) return null
  let baseUrl: URL
  let parsed: URL
  try {
    baseUrl = new URL(base)
    parsed = new URL(s, baseUrl)
  } catch {
    return null
  }
  if (parsed.origin !== baseUrl.origin || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    return null
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}
