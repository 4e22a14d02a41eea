import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, type Article, type Quote } from '../core/schema'
import { buildDataFiles } from './data-files'
import { applyRegister, buildPeopleRegister } from './people-register'

/** An article with the speakers (quoted once each, in order) and person entities given; text is filler. */
function article(
  id: string,
  storyId: string | null,
  speakers: string[],
  people: string[] = [],
  roles: Record<string, string> = {},
): Article {
  const slug = (name: string) =>
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  const text = 'The council met on Tuesday. "We will build it," an official said.'
  const quotes: Quote[] = speakers.map((name, i) => ({
    id: `q${i + 1}`,
    paragraphId: 'p1',
    start: 29,
    end: 45,
    text: 'We will build it',
    kind: 'full',
    speakerId: slug(name),
    confidence: 0.9,
    cue: null,
  }))
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    storyId,
    outlet: null,
    kicker: null,
    headline: 'Council approves the bridge',
    deck: null,
    byline: null,
    dateline: null,
    published: null,
    sourceUrl: null,
    caption: null,
    paragraphs: [{ id: 'p1', text }],
    sentences: [],
    quotes,
    speakers: speakers.map((name) => ({ id: slug(name), name, role: roles[name] ?? null })),
    entities: [...new Set([...speakers, ...people])].map((name, i) => ({
      id: slug(name),
      name,
      type: 'person' as const,
      mentions: [{ paragraphId: 'p1', start: i, end: i + 1 }],
    })),
    wordCount: 12,
  }
}

const nameIn = (a: Article, speakerId: string | null) => a.speakers.find((s) => s.id === speakerId)?.name

describe('the register of people', () => {
  it('gives a surname alone the one person of that name in the story, named by the fullest form', () => {
    const full = article('ledger', 'bridge', ['Dana R. Ortiz'])
    const short = article('courier', 'bridge', ['Ortiz'])
    const plain = article('herald', 'bridge', ['Dana Ortiz'])
    const register = buildPeopleRegister([full, short, plain])
    expect(register.people).toHaveLength(1)
    expect(register.people[0]).toMatchObject({
      name: 'Dana R. Ortiz',
      aliases: ['Dana Ortiz', 'Ortiz'],
      articleIds: ['courier', 'herald', 'ledger'],
    })
    const shown = applyRegister(short, register)
    expect(nameIn(shown, shown.quotes[0]!.speakerId)).toBe('Dana R. Ortiz')
    expect(shown.speakers[0]!.person).toBe(register.people[0]!.id)
  })

  it('reads names that differ only in hyphens, accents, case and titles as one person', () => {
    const a = article('a', 's', ['Park Ji-won'])
    const b = article('b', 's', ['Park Ji Won'])
    const c = article('c', 's', ['José Álvarez'])
    const d = article('d', 's', ['Governor Jose Alvarez'])
    const { people } = buildPeopleRegister([a, b, c, d])
    expect(people.map((p) => p.articleIds)).toEqual([
      ['c', 'd'],
      ['a', 'b'],
    ])
  })

  it('keeps a surname shared by two people apart from both', () => {
    const a = article('a', 's', ['Lee'], ['Dana Lee', 'Sam Lee'])
    const { people } = buildPeopleRegister([a])
    expect(people.map((p) => p.name).sort()).toEqual(['Dana Lee', 'Lee', 'Sam Lee'])
  })

  it('decides from the article first: the same surname is a different person in another story', () => {
    const inRiver = article('river', 'floods', ['Luis Ortiz'])
    const inRiverShort = article('river-2', 'floods', ['Ortiz'])
    const inBridge = article('bridge', 'bridge', ['Dana Ortiz'])
    const register = buildPeopleRegister([inRiver, inRiverShort, inBridge])
    const shown = applyRegister(inRiverShort, register)
    expect(shown.speakers[0]!.name).toBe('Luis Ortiz')
  })

  it('never merges two different full names that share a surname', () => {
    const a = article('a', 's', ['Kim Min-jun', 'Kim Seo-yeon'])
    const shown = applyRegister(a, buildPeopleRegister([a]))
    expect(shown.speakers.map((s) => s.name)).toEqual(['Kim Min-jun', 'Kim Seo-yeon'])
  })

  it('makes two speakers of one article who are one person one speaker, with all their quotes', () => {
    const a = article('a', 's', ['Marta Silva', 'Silva'], [], { Silva: 'the city engineer' })
    const shown = applyRegister(a, buildPeopleRegister([a]))
    expect(shown.speakers).toEqual([
      { id: 'marta-silva', name: 'Marta Silva', role: 'the city engineer', person: 'marta-silva' },
    ])
    expect(shown.quotes.map((q) => q.speakerId)).toEqual(['marta-silva', 'marta-silva'])
    expect(shown.entities.filter((e) => e.type === 'person')).toHaveLength(1)
  })

  it('never makes different people one: middle initials, royal titles, surnames that are titles', () => {
    const bushes = article('a', 's', ['George W. Bush', 'George H. W. Bush', 'George Bush'])
    const royals = article('b', 't', ['Queen Elizabeth'])
    const senator = article('c', 'u', ['Elizabeth Warren', 'Warren'])
    const justices = article('d', 'v', ['Jim Justice', 'Jim Jordan', 'Justice'])
    const { people } = buildPeopleRegister([bushes, royals, senator, justices])
    const names = people.map((p) => p.name)
    expect(names).toEqual(
      expect.arrayContaining(['George W. Bush', 'George H. W. Bush', 'Queen Elizabeth', 'Elizabeth Warren']),
    )
    // "George Bush" could be either: it stays a form of its own rather than guess.
    expect(people.find((p) => p.name === 'George Bush')).toBeDefined()
    expect(names.filter((n) => n.startsWith('Jim'))).toEqual(['Jim Jordan', 'Jim Justice'])
    // A lone title word ("Justice", "President") names nobody for sure: left as the article has it.
    const shown = applyRegister(justices, buildPeopleRegister([justices]))
    expect(shown.speakers.map((s) => s.name)).toEqual(['Jim Justice', 'Jim Jordan', 'Justice'])
  })

  it('reads "H.W." and "H. W." as the same initials', () => {
    const { people } = buildPeopleRegister([
      article('a', 's', ['George H.W. Bush']),
      article('b', 't', ['George H. W. Bush']),
    ])
    expect(people).toHaveLength(1)
  })

  it('does not count an article as naming someone in full because a surname there was matched through its story', () => {
    const full = article('a', 's', ['Dana Ortiz'])
    const short = article('b', 's', ['Ortiz'], ['Dana'])
    const register = buildPeopleRegister([full, short])
    const shown = applyRegister(short, register)
    expect(shown.speakers[0]!.name).toBe('Dana Ortiz')
    expect(shown.entities.map((e) => e.name)).toContain('Dana')
  })

  it('gives a surname alone only to a person of the same article or story, never the whole corpus', () => {
    const investor = article('a', 'markets', ['Warren Buffett'])
    const other = article('b', 'senate', ['Warren'])
    const register = buildPeopleRegister([investor, other])
    expect(applyRegister(other, register).speakers[0]!.name).toBe('Warren')
  })

  it('shows a person without the title one outlet gave them, and does not count organisations as people', () => {
    const a = article('a', 's', ['President Dana Ortiz', 'Dana Ortiz', 'Ortiz'])
    a.entities.push({ id: 'ortiz-holdings', name: 'Ortiz Holdings', type: 'organization', mentions: [] })
    a.speakers.push({ id: 'ortiz-holdings', name: 'Ortiz Holdings', role: null })
    const { people } = buildPeopleRegister([a])
    expect(people.map((p) => p.name)).toEqual(['Dana Ortiz'])
    expect(people[0]!.aliases).toEqual(['Ortiz'])
  })

  it('gives the same register whatever order the articles come in', () => {
    const list = [
      article('a', 's', ['José Álvarez']),
      article('b', 's', ['Jose Alvarez'], [], { 'Jose Alvarez': 'mayor' }),
      article('c', 's', ['XI JINPING', 'Alvarez']),
      article('d', 's', ['Xi Jinping'], [], { 'Xi Jinping': 'president' }),
    ]
    const forward = buildPeopleRegister(list).people
    expect(buildPeopleRegister([...list].reverse()).people).toEqual(forward)
    expect(forward.map((p) => p.name)).toEqual(['José Álvarez', 'Xi Jinping'])
  })

  it('gives a name with no Latin letters an id of its own', () => {
    const { people } = buildPeopleRegister([article('a', 's', ['김정은'])])
    expect(people[0]!.id).toMatch(/^person-[0-9a-f]{8}$/)
  })

  it('is what the data files carry: the library lists each person once, people.json lists the register', () => {
    const a = article('a', 's', ['Dana Ortiz'])
    const b = article('b', 's', ['Ortiz'])
    const files = buildDataFiles([a, b], [{ id: 's', title: 'Bridge', date: null }])
    const index = files.find((f) => f.path === 'index.json')!.data as {
      articles: { id: string; speakers: string[] }[]
    }
    expect(index.articles.map((s) => s.speakers)).toEqual([['Dana Ortiz'], ['Dana Ortiz']])
    const people = files.find((f) => f.path === 'people.json')!.data as { people: { name: string }[] }
    expect(people.people.map((p) => p.name)).toEqual(['Dana Ortiz'])
  })
})
