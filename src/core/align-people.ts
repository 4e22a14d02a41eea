/**
 * Who is who across two articles: the same person may be "Donald Trump" in one and "Trump" in the other,
 * "Kim Jong Un" in one and "Kim Jong-un" in the other. Pure.
 */
import type { Article } from './schema'

const TITLES = new Set(
  `mr mrs ms dr sir president prime minister chief executive governor mayor senator rep representative secretary
  general director chairman chairwoman chair ceo king queen prince princess pope judge justice councilmember
  councillor councilor coach manager professor gov sen the u s us`.split(/\s+/),
)

export type PersonCluster = {
  id: number
  /** The fullest name seen, for notes ("Donald Trump"). */
  name: string
  /** Lowercased name words without titles. */
  tokens: string[]
}

export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((t) => t && !TITLES.has(t))
}

/** The same person: equal names, or one name is the other's surname or (for "Xi") its first word. */
export function samePersonName(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.join(' ') === long.join(' ')) return true
  if (short.length === 1) return short[0] === long[long.length - 1] || short[0] === long[0]
  // "Kim Jong Un" and "Jong Un": the shorter is the end of the longer.
  return short.every((t, i) => long[long.length - short.length + i] === t)
}

export type People = {
  clusters: PersonCluster[]
  /** Cluster of each article's speaker id. */
  leftSpeakers: Map<string, number>
  rightSpeakers: Map<string, number>
  /** Which clusters a set of lowercased capitalised words names (by surname or full first word). */
  named: (names: ReadonlySet<string>) => number[]
}

/** Clusters the speakers and person entities of both articles into people. */
export function matchPeople(left: Article, right: Article): People {
  const story = matchStoryPeople([left, right])
  return {
    clusters: story.clusters,
    leftSpeakers: story.speakers[0]!,
    rightSpeakers: story.speakers[1]!,
    named: story.named,
  }
}

export type StoryPeople = Omit<People, 'leftSpeakers' | 'rightSpeakers'> & {
  /** Cluster of each article's speaker ids, in the order the articles were given. */
  speakers: Map<string, number>[]
}

/**
 * Clusters the speakers and person entities of every article of a story into people, once for the
 * story: the same person is one cluster whichever pair of articles is looked at.
 */
export function matchStoryPeople(articles: readonly Article[]): StoryPeople {
  const clusters: PersonCluster[] = []
  const clusterOf = (name: string): number | null => {
    const tokens = nameTokens(name)
    if (tokens.length === 0) return null
    for (const c of clusters) {
      if (samePersonName(c.tokens, tokens)) {
        if (tokens.length > c.tokens.length) {
          c.tokens = tokens
          c.name = name
        }
        return c.id
      }
    }
    clusters.push({ id: clusters.length, name, tokens })
    return clusters.length - 1
  }
  const speakerMap = (article: Article) => {
    const map = new Map<string, number>()
    for (const s of article.speakers) {
      const id = clusterOf(s.name)
      if (id !== null) map.set(s.id, id)
    }
    return map
  }
  // Speaker ids are slugs of canonical names, so equal ids across articles land in one cluster anyway.
  const speakers = articles.map(speakerMap)
  for (const a of articles) for (const e of a.entities) if (e.type === 'person') clusterOf(e.name)

  const byWord = new Map<string, number[]>()
  for (const c of clusters) {
    const words = new Set([c.tokens[c.tokens.length - 1]!, ...(c.tokens.length > 1 ? [c.tokens[0]!] : [])])
    for (const w of words) {
      if (w.length < 2) continue
      const list = byWord.get(w) ?? []
      list.push(c.id)
      byWord.set(w, list)
    }
  }
  const named = (names: ReadonlySet<string>) => {
    const found = new Set<number>()
    for (const n of names) for (const id of byWord.get(n) ?? []) found.add(id)
    return [...found].sort((a, b) => a - b)
  }
  return { clusters, speakers, named }
}
