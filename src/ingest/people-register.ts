/**
 * One register of people for the whole corpus (issue 18): the same person is one identity in every article,
 * whatever each outlet calls them ("Donald Trump", "Donald J. Trump", "Trump"; "Kim Jong Un", "Kim Jong-un").
 * A build step after the analysis of each article: every speaker and person entity is given the register's
 * one name for that person and its id (`person`), two speakers of one article who turn out to be one person
 * become one, and the register itself is written as data/people.json.
 *
 * Merging is deliberately cautious; two people wrongly made one is worse than one person listed twice:
 * - names of two words or more are one person when their words are equal, ignoring case, accents, hyphens,
 *   titles ("President", "Mr.") and middle initials;
 * - a one-word name ("Trump", "Xi") is given to the one person with that surname (or first word: "Xi
 *   Jinping") mentioned in the same article, else in the same story, else in the whole corpus — and stays a
 *   person of its own when there are two ("Kim" beside "Kim Jong Un" and "Kim Yo Jong").
 */
import { nameTokens } from '../core/align-people'
import { articleBlocks } from '../core/pipeline'
import type { Article, Entity, Person, Speaker } from '../core/schema'
import { slugify } from '../core/slug'

type Mention = { articleId: string; storyId: string | null; name: string; role: string | null }

type Draft = {
  key: string
  tokens: string[]
  /** Every form seen, with how often. */
  forms: Map<string, number>
  roles: Map<string, number>
  articleIds: Set<string>
}

/** Words of a name for matching: no titles, no single-letter middle initials ("Donald J. Trump"). */
function matchTokens(name: string): string[] {
  const tokens = nameTokens(name.normalize('NFD').replace(/\p{M}+/gu, ''))
  return tokens.filter((t, i) => !(t.length === 1 && i > 0 && i < tokens.length - 1))
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

/** The most used of `forms`; ties go to the one with more words, then the first seen. */
function mostUsed(forms: Map<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [form, count] of forms) {
    const more =
      count > bestCount || (count === bestCount && form.split(/\s+/).length > best.split(/\s+/).length)
    if (more) {
      best = form
      bestCount = count
    }
  }
  return best
}

/** The person's name: the fullest form (most words, as in "Donald J. Trump"), then the most used. */
function canonicalName(forms: Map<string, number>): string {
  const longest = Math.max(...[...forms.keys()].map((f) => f.split(/\s+/).length))
  return mostUsed(new Map([...forms].filter(([f]) => f.split(/\s+/).length === longest)))
}

export type PeopleRegister = {
  people: Person[]
  /** The register's id for a name as it appears in an article (`${articleId}\u0000${name}`). */
  personOf: (articleId: string, name: string) => string | undefined
}

function mentionsOf(articles: readonly Article[]): Mention[] {
  const out: Mention[] = []
  for (const a of articles) {
    for (const s of a.speakers) out.push({ articleId: a.id, storyId: a.storyId, name: s.name, role: s.role })
    for (const e of a.entities)
      if (e.type === 'person') out.push({ articleId: a.id, storyId: a.storyId, name: e.name, role: null })
  }
  return out
}

/** Builds the register from every article's speakers and person entities. Pure. */
export function buildPeopleRegister(articles: readonly Article[]): PeopleRegister {
  const mentions = mentionsOf(articles)
  const drafts = new Map<string, Draft>()
  const draftOf = new Map<string, Draft>()
  const add = (d: Draft, m: Mention) => {
    bump(d.forms, m.name)
    if (m.role) bump(d.roles, m.role)
    d.articleIds.add(m.articleId)
    draftOf.set(`${m.articleId}\u0000${m.name}`, d)
  }
  // Full names first: equal words, one person.
  const single: Mention[] = []
  for (const m of mentions) {
    const tokens = matchTokens(m.name)
    if (tokens.length === 0) continue
    if (tokens.length === 1) {
      single.push(m)
      continue
    }
    const key = tokens.join(' ')
    let d = drafts.get(key)
    if (!d) {
      d = { key, tokens, forms: new Map(), roles: new Map(), articleIds: new Set() }
      drafts.set(key, d)
    }
    add(d, m)
  }
  // One-word names: the one full name it can be, nearest first (article, story, corpus).
  const full = [...drafts.values()]
  const storyOf = new Map(articles.map((a) => [a.id, a.storyId]))
  for (const m of single) {
    const word = matchTokens(m.name)[0]!
    const fits = full.filter((d) => d.tokens[d.tokens.length - 1] === word || d.tokens[0] === word)
    const scopes = [
      (d: Draft) => d.articleIds.has(m.articleId),
      (d: Draft) => m.storyId !== null && [...d.articleIds].some((id) => storyOf.get(id) === m.storyId),
      () => true,
    ]
    let chosen: Draft | undefined
    for (const inScope of scopes) {
      const found = fits.filter(inScope)
      if (found.length === 0) continue
      if (found.length === 1) chosen = found[0]
      break
    }
    if (!chosen) {
      // Alone, or ambiguous: a person of its own, keyed by the word and, when ambiguous, the article.
      const key = fits.length > 1 ? `${word}\u0000${m.articleId}` : word
      chosen = drafts.get(key)
      if (!chosen) {
        chosen = { key, tokens: [word], forms: new Map(), roles: new Map(), articleIds: new Set() }
        drafts.set(key, chosen)
      }
    }
    add(chosen, m)
  }
  const ids = new Map<Draft, string>()
  const taken = new Set<string>()
  const people: Person[] = []
  const ordered = [...drafts.values()].sort(
    (a, b) => b.articleIds.size - a.articleIds.size || (a.key < b.key ? -1 : 1),
  )
  for (const d of ordered) {
    const name = canonicalName(d.forms)
    const base = slugify(name) || 'person'
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    ids.set(d, id)
    people.push({
      id,
      name,
      aliases: [...d.forms.keys()].filter((f) => f !== name).sort(),
      roles: [...d.roles.keys()],
      articleIds: [...d.articleIds].sort(),
    })
  }
  people.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    people,
    personOf: (articleId, name) => {
      const d = draftOf.get(`${articleId}\u0000${name}`)
      return d && ids.get(d)
    },
  }
}

/**
 * The article as the register sees it: each speaker and person entity named by the register and carrying
 * its id; speakers of this article who are one person become one (the first keeps its id, and the quotes
 * of the others move to it).
 */
export function applyRegister(article: Article, register: PeopleRegister): Article {
  const order = new Map(articleBlocks(article).map((b, i) => [b.id, i]))
  const blockOrder = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER
  const byId = new Map(register.people.map((p) => [p.id, p]))
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
    kept.set(person, { ...s, name: byId.get(person)!.name, person })
  }
  const entities: Entity[] = []
  const entityOf = new Map<string, Entity>()
  for (const e of article.entities) {
    const person = e.type === 'person' ? register.personOf(article.id, e.name) : undefined
    if (!person) {
      entities.push(e)
      continue
    }
    const first = entityOf.get(person)
    if (first) {
      first.mentions = [...first.mentions, ...e.mentions].sort(
        (a, b) => blockOrder(a.paragraphId) - blockOrder(b.paragraphId) || a.start - b.start,
      )
      continue
    }
    const merged = { ...e, name: byId.get(person)!.name }
    entityOf.set(person, merged)
    entities.push(merged)
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
