/**
 * One register of people for the whole corpus (issue 18): the same person is one identity in every article,
 * whatever each outlet calls them ("Donald Trump", "Donald J. Trump", "President Trump", "Trump"; "Kim Jong
 * Un", "Kim Jong-un"). A build step after the analysis of each article: every speaker and person entity is
 * given the register's one name for that person and its id (`person`), two speakers of one article who turn
 * out to be one person become one, and the register itself is written as data/people.json.
 *
 * Merging is deliberately cautious, since two people made one is worse than one person listed twice:
 * - names are compared by their words, ignoring case, accents, hyphens and leading titles ("President",
 *   "Gov."); royal and religious titles stay part of the name ("Queen Elizabeth", "Pope Francis");
 * - middle initials must agree ("George W. Bush" and "George H. W. Bush" stay two); a form without them
 *   joins the one form with initials, if there is only one;
 * - a name of one word ("Trump", "Mr. Trump", "Xi") joins the one person of that surname (or, in the same
 *   article, first word) named in full in the same article, else the same story (surname only), and stays
 *   apart when there are two ("Kim" beside "Kim Min-jun" and "Kim Seo-yeon") or none;
 * - organisations the analysis found speaking ("the company said") are not people.
 */
import { articleBlocks } from '../core/pipeline'
import type { Article, Entity, Person, Speaker, Span } from '../core/schema'
import { fingerprint, slugify } from '../core/slug'
import { NAME_SUFFIXES } from '../core/lexicon-words'
import { LEADING_TITLES } from './people-titles'

type Name = {
  /** Words without leading titles, initials or suffixes, folded: the person's key ("george bush"). */
  key: string
  words: string[]
  /** Middle initials, folded ("w", "hw"). */
  initials: string
  /** The name as written, less its leading titles ("Donald J. Trump"). */
  display: string
}

const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.,]/g, '')

/** The parts of a name that identify a person, or null when none are left ("The President"). */
export function nameOf(name: string): Name | null {
  const raw = name.normalize('NFKC').replace(/’/g, "'").split(/\s+/).filter(Boolean)
  let start = 0
  while (start < raw.length - 1 && LEADING_TITLES.has(fold(raw[start]!))) start += 1
  const kept = raw.slice(start)
  const display = kept.join(' ')
  const words: string[] = []
  const initials: string[] = []
  kept.forEach((w, i) => {
    const folded = fold(w)
    // Middle initials, one or several ("J.", "H. W.", "H.W."), are compared apart from the name's words.
    const middle = i > 0 && i < kept.length - 1
    if (middle && (/^\p{L}$/u.test(folded) || /^(?:\p{L}\.)+$/u.test(w))) initials.push(...folded)
    else words.push(...folded.split(/[^\p{L}\p{N}']+/u).filter(Boolean))
  })
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1]!)) words.pop()
  if (words.length === 0 || (words.length === 1 && LEADING_TITLES.has(words[0]!))) return null
  return { key: words.join(' '), words, initials: initials.join(''), display }
}

type Mention = { articleId: string; storyId: string | null; name: Name; role: string | null }

type Draft = {
  key: string
  forms: Map<string, number>
  roles: Map<string, number>
  articleIds: Set<string>
  storyIds: Set<string | null>
}

const newDraft = (key: string): Draft => ({
  key,
  forms: new Map(),
  roles: new Map(),
  articleIds: new Set(),
  storyIds: new Set(),
})
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The name every view shows: the fullest form, then the most used, then accented, then not all capitals. */
function displayName(forms: Map<string, number>): string {
  const size = (f: string) => f.split(/\s+/).length
  const accented = (f: string) => (f.normalize('NFD') === f ? 0 : 1)
  const shouting = (f: string) => (f === f.toUpperCase() ? 1 : 0)
  return [...forms].sort(
    ([a, na], [b, nb]) =>
      size(b) - size(a) || nb - na || accented(b) - accented(a) || shouting(a) - shouting(b) || cmp(a, b),
  )[0]![0]
}

function mentionsOf(article: Article): Mention[] {
  const organisations = new Set(
    article.entities.filter((e) => e.type === 'organization').map((e) => fold(e.name)),
  )
  const out: Mention[] = []
  const add = (raw: string, role: string | null) => {
    if (organisations.has(fold(raw))) return
    const name = nameOf(raw)
    if (name) out.push({ articleId: article.id, storyId: article.storyId, name, role })
  }
  for (const s of article.speakers) add(s.name, s.role)
  for (const e of article.entities) if (e.type === 'person') add(e.name, null)
  return out
}

export type PeopleRegister = {
  people: Person[]
  byId: ReadonlyMap<string, Person>
  /** The register's id for a name as it appears in an article. */
  personOf: (articleId: string, name: string) => string | undefined
}

/** Groups full names (two words or more) by key, then by initials. */
function fullNameDrafts(mentions: readonly Mention[]): Map<Mention, Draft> {
  const byKey = new Map<string, Mention[]>()
  for (const m of mentions) {
    if (m.name.words.length < 2) continue
    const list = byKey.get(m.name.key) ?? []
    list.push(m)
    byKey.set(m.name.key, list)
  }
  const draftOf = new Map<Mention, Draft>()
  for (const [key, list] of byKey) {
    const withInitials = [...new Set(list.map((m) => m.name.initials).filter(Boolean))].sort()
    const drafts = new Map<string, Draft>()
    for (const m of list) {
      // A form without initials joins the one set of initials there is; with two or more it stays apart.
      const initials = m.name.initials || (withInitials.length === 1 ? withInitials[0]! : '')
      const draftKey = `${key}|${initials}`
      let d = drafts.get(draftKey)
      if (!d) drafts.set(draftKey, (d = newDraft(draftKey)))
      draftOf.set(m, d)
    }
  }
  return draftOf
}

/** Builds the register from every article's speakers and person entities. Pure; article order does not matter. */
export function buildPeopleRegister(articles: readonly Article[]): PeopleRegister {
  const mentions = [...articles].sort((a, b) => cmp(a.id, b.id)).flatMap(mentionsOf)
  const draftOf = fullNameDrafts(mentions)
  const add = (d: Draft, m: Mention) => {
    bump(d.forms, m.name.display)
    if (m.role) bump(d.roles, m.role)
    d.articleIds.add(m.articleId)
    d.storyIds.add(m.storyId)
    draftOf.set(m, d)
  }
  for (const [m, d] of draftOf) add(d, m)
  // One-word names: the one full name it can be, in the article (surname or first word), else in the story.
  const bySurname = new Map<string, Set<Draft>>()
  const byFirst = new Map<string, Set<Draft>>()
  for (const [m, d] of draftOf) {
    const words = m.name.words
    for (const [index, word] of [
      [bySurname, words[words.length - 1]!],
      [byFirst, words[0]!],
    ] as const) {
      const set = index.get(word) ?? new Set()
      set.add(d)
      index.set(word, set)
    }
  }
  // Where each full name is written out, before any one-word name joins it: a surname matched through the
  // story must not make its article count as naming the person in full.
  const fullIn = new Map([...new Set(draftOf.values())].map((d) => [d, new Set(d.articleIds)]))
  const fullInStory = new Map([...new Set(draftOf.values())].map((d) => [d, new Set(d.storyIds)]))
  const unresolved = new Map<string, Draft>()
  for (const m of mentions) {
    if (m.name.words.length !== 1) continue
    const word = m.name.words[0]!
    const inArticle = [...new Set([...(bySurname.get(word) ?? []), ...(byFirst.get(word) ?? [])])].filter(
      (d) => fullIn.get(d)!.has(m.articleId),
    )
    const inStory =
      m.storyId === null
        ? []
        : [...(bySurname.get(word) ?? [])].filter((d) => fullInStory.get(d)!.has(m.storyId))
    const candidates = inArticle.length > 0 ? inArticle : inStory
    let chosen = candidates.length === 1 ? candidates[0] : undefined
    if (!chosen) {
      // Alone or ambiguous: a person of its own within its story (or article, when it has no story).
      const key = `${word}|${m.storyId ?? `article:${m.articleId}`}`
      chosen = unresolved.get(key)
      if (!chosen) unresolved.set(key, (chosen = newDraft(key)))
    }
    add(chosen, m)
  }
  const drafts = [...new Set(draftOf.values())]
  const named = drafts
    .map((d) => ({ d, name: displayName(d.forms) }))
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.d.key, b.d.key))
  const ids = new Map<Draft, string>()
  const taken = new Set<string>()
  const people: Person[] = named.map(({ d, name }) => {
    const slug = slugify(name)
    const base = slug.startsWith('article-') ? `person-${fingerprint(name)}` : slug
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    ids.set(d, id)
    return {
      id,
      name,
      aliases: [...d.forms.keys()].filter((f) => f !== name).sort(cmp),
      roles: [...d.roles].sort(([a, na], [b, nb]) => nb - na || cmp(a, b)).map(([r]) => r),
      articleIds: [...d.articleIds].sort(cmp),
    }
  })
  const byMention = new Map<string, string>()
  for (const [m, d] of draftOf) byMention.set(`${m.articleId}\u0000${m.name.display}`, ids.get(d)!)
  return {
    people,
    byId: new Map(people.map((p) => [p.id, p])),
    personOf: (articleId, name) => {
      const parts = nameOf(name)
      return parts ? byMention.get(`${articleId}\u0000${parts.display}`) : undefined
    },
  }
}

/** Spans in reading order, without those inside an earlier one ("Ortiz" within "Dana Ortiz"). */
function mergedMentions(spans: Span[], order: (blockId: string) => number): Span[] {
  const sorted = [...spans].sort(
    (a, b) => order(a.paragraphId) - order(b.paragraphId) || a.start - b.start || b.end - a.end,
  )
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && last.paragraphId === s.paragraphId && s.start >= last.start && s.end <= last.end) continue
    out.push(s)
  }
  return out
}

/**
 * The article as the register sees it: each speaker and person entity named by the register and carrying
 * its id; speakers of this article who are one person become one (the first keeps its id, and the quotes
 * of the others move to it).
 */
export function applyRegister(article: Article, register: PeopleRegister): Article {
  const order = new Map(articleBlocks(article).map((b, i) => [b.id, i]))
  const blockOrder = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER
  const kept = new Map<string, Speaker>()
  const renamed = new Map<string, string>()
  for (const s of article.speakers) {
    const person = register.personOf(article.id, s.name)
    if (!person) {
      kept.set(`own:${s.id}`, s)
      continue
    }
    const first = kept.get(person)
    if (first) {
      renamed.set(s.id, first.id)
      if (!first.role && s.role) kept.set(person, { ...first, role: s.role })
      continue
    }
    kept.set(person, { ...s, name: register.byId.get(person)!.name, person })
  }
  const entities: Entity[] = []
  const entityOf = new Map<string, Entity>()
  for (const e of article.entities) {
    const person = e.type === 'person' ? register.personOf(article.id, e.name) : undefined
    const first = person && entityOf.get(person)
    if (first) first.mentions = mergedMentions([...first.mentions, ...e.mentions], blockOrder)
    else if (person) {
      const merged = { ...e, name: register.byId.get(person)!.name }
      entityOf.set(person, merged)
      entities.push(merged)
    } else entities.push(e)
  }
  const quotes =
    renamed.size === 0
      ? article.quotes
      : article.quotes.map((q) =>
          q.speakerId !== null && renamed.has(q.speakerId)
            ? { ...q, speakerId: renamed.get(q.speakerId)! }
            : q,
        )
  return { ...article, speakers: [...kept.values()], entities, quotes }
}
