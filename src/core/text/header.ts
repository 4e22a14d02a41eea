/**
 * The header read from the top of the page when no dense run of prose bounds the article (short texts,
 * one paragraph per line): [kicker] headline [deck] above the first prose, navigation before them.
 */
import { isBodyLike, isKickerLike, isTitleLike, keyOf, type Unit } from './units'

export type Header = {
  kicker: string | null
  headline: string | null
  deck: string | null
  /** The units read as headline, deck and kicker. */
  structural: Set<Unit>
  /** Header lines that were not structure (kept at the start of the body). */
  extra: Set<Unit>
  bodyStart: number
}

export function readHeader(units: Unit[]): Header {
  const live = (u: Unit) => u.reason === null
  let firstBody = units.findIndex(isBodyLike)
  if (firstBody === -1) firstBody = units.length
  let secondBody = units.findIndex((u, i) => i > firstBody && isBodyLike(u))
  if (secondBody === -1) secondBody = units.length
  // A deck written as a full sentence: a byline or date after it means the header had not ended, and
  // so does a photo caption after a sentence too short to be a lead paragraph.
  let headerEnd = firstBody
  const shortFirst = firstBody < units.length && units[firstBody]!.facts.words <= 25
  for (let i = firstBody; i < secondBody; i += 1) {
    const role = units[i]!.role?.kind
    if (!live(units[i]!)) continue
    if (role === 'byline' || role === 'date' || (role === 'caption' && shortFirst)) headerEnd = i + 1
  }
  const titles: number[] = []
  for (let i = 0; i < headerEnd; i += 1) {
    const u = units[i]!
    // A quoted sentence is someone's words, never a title (a page of quotations has no prose to anchor on).
    const quotation = u.facts.quoted && u.facts.sentence
    if (live(u) && u.role === null && !u.bullet && !quotation) titles.push(i)
  }
  let bodyStart = headerEnd
  if (titles.length === 0 && firstBody < units.length) {
    // No title above the prose: a short first sentence followed by more prose is the headline.
    const u = units[firstBody]!
    if (u.facts.words <= 25 && secondBody < units.length) {
      titles.push(firstBody)
      bodyStart = firstBody + 1
    }
  }
  const header: Header = {
    kicker: null,
    headline: null,
    deck: null,
    structural: new Set(),
    extra: new Set(),
    bodyStart,
  }
  if (titles.length === 0) return header

  // A title the page repeats is the headline (pages print it in the header and again above the text).
  const counts = new Map<string, number>()
  for (const i of titles) counts.set(keyOf(units[i]!), (counts.get(keyOf(units[i]!)) ?? 0) + 1)
  let headlineAt = -1
  for (const i of titles) {
    const u = units[i]!
    if ((counts.get(keyOf(u)) ?? 0) < 2 || !isTitleLike(u)) continue
    if (headlineAt === -1 || u.facts.words > units[headlineAt]!.facts.words) headlineAt = i
  }
  // Otherwise read the header from its end, where the article starts: [kicker] headline [deck], with any
  // navigation a scrape picked up before it. A label right after the headline is a kicker printed late.
  let lateKicker: Unit | null = null
  let candidates = titles
  let lateTitles: number[] = []
  if (headlineAt === -1) {
    // The headline block ends at the first byline, date or caption; titles after that are late labels.
    const anchor = units.findIndex(
      (u, i) => i < titles.at(-1)! && u.reason === null && u.role !== null && u.role.kind !== 'credits',
    )
    if (anchor !== -1 && titles[0]! < anchor) {
      candidates = titles.filter((i) => i < anchor)
      lateTitles = titles.filter((i) => i > anchor)
    }
    const lastUnit = units[candidates.at(-1)!]!
    if (candidates.length >= 2 && isKickerLike(lastUnit)) {
      lateKicker = lastUnit
      candidates = candidates.slice(0, -1)
    }
    const last = candidates.at(-1)!
    const prev = candidates.at(-2)
    const prevUnit = prev === undefined ? null : units[prev]!
    if (prevUnit === null) headlineAt = last
    else if (!isKickerLike(prevUnit)) headlineAt = prev!
    else if (units[last]!.facts.words >= 16 && prevUnit.facts.words >= 4) headlineAt = prev!
    else headlineAt = last
  }
  const headlineUnit = units[headlineAt]!
  if (!isTitleLike(headlineUnit)) return header
  header.headline = headlineUnit.text
  header.structural.add(headlineUnit)
  const key = keyOf(headlineUnit)
  const before: Unit[] = []
  const after: Unit[] = []
  for (const i of [...candidates, ...lateTitles]) {
    const u = units[i]!
    if (i === headlineAt) continue
    if (keyOf(u) === key) {
      u.reason = 'repeated-headline'
      continue
    }
    ;(i < headlineAt ? before : after).push(u)
  }
  // The label right above the headline is its kicker; anything further up is page navigation.
  const above = before.at(-1)
  const kicker = above && isKickerLike(above) ? above : lateKicker
  if (kicker) {
    header.kicker = kicker.text
    header.structural.add(kicker)
  }
  for (const u of before) if (u !== kicker) u.reason = 'navigation'
  const rest = [...after]
  if (header.kicker === null) {
    // Some pages print the kicker after the title (a saved page's DOM order).
    const label = rest.findIndex((u) => isKickerLike(u))
    if (label !== -1) {
      const [u] = rest.splice(label, 1)
      header.kicker = u!.text
      header.structural.add(u!)
    }
  }
  const deck = rest[0]
  if (deck && deck.facts.words <= 60) {
    header.deck = deck.text
    header.structural.add(deck)
    header.extra = new Set(rest.slice(1))
  } else {
    header.extra = new Set(rest)
  }
  return header
}
