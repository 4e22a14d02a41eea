/**
 * Pages title themselves "Headline | Site", "Headline - Site" or "Site: Headline". The site's part is
 * cut only when something confirms it is the site: the page's own name for itself, its web address, or a
 * heading on the page that is the title without it. An unconfirmed pipe-separated short tail is cut too
 * (a pipe is almost never inside a headline); an unconfirmed dash is kept, since headlines use dashes.
 */

export type SiteHints = { siteName: string | null; url?: string | undefined; headings: readonly string[] }

// Separators set off by spaces: pipe, dashes, middle dot, guillemet, double colon, slash.
const SEPARATOR = /\s+(?:\||[-–—]{1,2}|·|•|»|::|\/)\s+/
// Letters and digits only, lowercased: "The Coastal Times" ~ "thecoastaltimes" ~ "coastaltimes.com".
const letters = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '')

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '').length

/** The host's name without "www." and without its last label: "www.sportsnet.ca" -> "sportsnet". */
function hostNames(url: string | undefined): string[] {
  if (!url) return []
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return []
  }
  const labels = host.replace(/^www\d?\./, '').split('.')
  const out = [letters(labels.join('.'))]
  if (labels.length > 1) out.push(letters(labels.slice(0, -1).join('.')))
  if (labels.length > 2) out.push(letters(labels.slice(-3, -2)[0] ?? ''))
  return out.filter((n) => n.length >= 3)
}

/** Whether a title part names the site, by its own name or its address. */
function namesSite(part: string, hints: SiteHints): boolean {
  const p = letters(part)
  if (p.length < 2) return false
  if (hints.siteName) {
    const s = letters(hints.siteName)
    if (s !== '' && (p === s || (s.length >= 4 && p.includes(s)) || (p.length >= 4 && s.includes(p)))) {
      return true
    }
  }
  return hostNames(hints.url).some((h) => p === h || p.startsWith(h) || (p.length >= 5 && h.includes(p)))
}

const sameText = (a: string, b: string) => letters(a) === letters(b) && letters(a) !== ''

/** Which end of the title, if any, is the site's name; 'none' when nothing confirms one. */
export function siteNameAffix(title: string, hints: SiteHints): 'start' | 'end' | 'none' {
  const parts = title.split(SEPARATOR)
  const first = parts[0]
  const last = parts[parts.length - 1]
  if (parts.length < 2 || first === undefined || last === undefined) {
    // "Site: Headline" uses a colon without spaces around it.
    const colon = /^([^:]{2,40}):\s+\S/.exec(title)
    return colon && namesSite(colon[1]!, hints) ? 'start' : 'none'
  }
  const withoutLast = parts.slice(0, -1).join(' ')
  const withoutFirst = parts.slice(1).join(' ')
  if (namesSite(last, hints) || hints.headings.some((h) => sameText(h, withoutLast))) return 'end'
  if (namesSite(first, hints) || hints.headings.some((h) => sameText(h, withoutFirst))) return 'start'
  // A short tail after a pipe is a site or section name far more often than part of a headline.
  const pipe = /\s\|\s(?=[^|]*$)/.exec(title)
  if (pipe && words(last) <= 4 && words(withoutLast) > words(last)) return 'end'
  return 'none'
}

/** The title without the site's part found by siteNameAffix (and without the separator). */
export function stripSiteName(title: string, affix: 'start' | 'end' | 'none'): string {
  if (affix === 'none') return title.trim()
  const matches = [...title.matchAll(new RegExp(SEPARATOR.source, 'g'))]
  if (matches.length === 0) {
    return affix === 'start' ? title.replace(/^[^:]{2,40}:\s+/, '').trim() : title.trim()
  }
  if (affix === 'end') {
    const m = matches[matches.length - 1]!
    return title.slice(0, m.index).trim()
  }
  const m = matches[0]!
  return title.slice(m.index + m[0].length).trim()
}
