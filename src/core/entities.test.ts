import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { fixtureBlocks, quoteFixtures } from '../../test/fixtures/quotes/blocks'
import { extractEntities, slugOf, tokenize } from './entities'
import { buildArticle } from './pipeline'
import { entitySchema, type Entity, type Paragraph } from './schema'
import { analyseQuotes } from './speakers'

function article(headline: string, ...paragraphs: string[]): Paragraph[] {
  return [{ id: 'headline', text: headline }, ...paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }))]
}

function entitiesOf(blocks: readonly Paragraph[]): Entity[] {
  return extractEntities(blocks, analyseQuotes(blocks).speakers)
}

/** Each entity as "type:id" with the text of every mention. */
function mentions(blocks: readonly Paragraph[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const e of entitiesOf(blocks)) {
    out[`${e.type}:${e.id}`] = e.mentions.map((m) => {
      const block = blocks.find((b) => b.id === m.paragraphId)!
      return block.text.slice(m.start, m.end)
    })
  }
  return out
}

describe('extractEntities', () => {
  it('finds people the article introduces with a title, quoted or not', () => {
    const found = mentions(
      article(
        'Talks',
        'CIA Director Mike Pompeo met North Korean leader Kim Jong Un. Kim later met President Xi Jinping.',
      ),
    )
    expect(found['person:mike-pompeo']).toEqual(['Mike Pompeo'])
    expect(found['person:kim-jong-un']).toEqual(['Kim Jong Un', 'Kim'])
    expect(found['person:xi-jinping']).toEqual(['Xi Jinping'])
  })

  it('joins surname mentions, spelling variants and role mentions to one person', () => {
    const found = mentions(
      article(
        'Trump ready to walk out of Kim meeting',
        'U.S. President Donald Trump met North Korean leader Kim Jong-un.',
        '"We will see," the U.S. president said of Kim Jong Un. Trump left.',
      ),
    )
    expect(found['person:donald-trump']).toEqual(['Trump', 'Donald Trump', 'U.S. president', 'Trump'])
    expect(found['person:kim-jong-un']).toEqual(['Kim', 'Kim Jong-un', 'Kim Jong Un'])
  })

  it('keeps two people apart whose names end in the same generational suffix', () => {
    const found = mentions(
      article(
        'Council vote',
        'Councilman Thomas Reyes Jr. voted against the plan. Mayor Thomas Hale Jr. voted for it.',
        'Reyes said the plan was rushed.',
      ),
    )
    expect(Object.keys(found).filter((k) => k.startsWith('person:'))).toHaveLength(2)
  })

  it('does not guess that a bare capitalised name is a person', () => {
    const found = mentions(article('Visit', 'Hot Issues of the Week: Sponsored Content from Acme Widgets.'))
    expect(Object.keys(found).filter((k) => k.startsWith('person:'))).toEqual([])
  })

  it('does not take a sentence-opening word into a name', () => {
    const found = mentions(article('Reply', 'Later Paul Grant said the talks were over.'))
    expect(found['person:paul-grant']).toEqual(['Paul Grant'])
  })

  it('finds places from the gazetteer, one entity per place whatever the alias', () => {
    const found = mentions(
      article(
        'US and Japan agree',
        'The U.S. and the United States of America are one place; so are North Korea and the DPRK. Tokyo and the Korean peninsula too.',
      ),
    )
    expect(found['place:united-states']).toEqual(['US', 'U.S.', 'United States of America'])
    expect(found['place:north-korea']).toEqual(['North Korea', 'DPRK'])
    expect(found['place:tokyo']).toEqual(['Tokyo'])
    expect(found['place:korean-peninsula']).toEqual(['Korean peninsula'])
  })

  it('counts a demonym as a mention of its country, but not inside "inter-Korean"', () => {
    const found = mentions(
      article('Ties', 'Japanese citizens and North Korean officials met at the inter-Korean summit.'),
    )
    expect(found['place:japan']).toEqual(['Japanese'])
    expect(found['place:north-korea']).toEqual(['North Korean'])
    expect(found['place:korea']).toBeUndefined()
  })

  it('learns a place the article names with a place noun, and finds it again', () => {
    const found = mentions(
      article(
        'Summit',
        "They met at Trump's Mar-a-Lago resort in Florida.",
        'The meeting at Mar-a-Lago ended.',
      ),
    )
    expect(found['place:mar-a-lago']).toEqual(['Mar-a-Lago', 'Mar-a-Lago'])
    expect(found['place:florida']).toEqual(['Florida'])
  })

  it('finds organisations by acronym, by organisation word and by name', () => {
    const found = mentions(
      article(
        'Agencies',
        'The CIA, the Council on Foreign Relations, the Bank of Japan and the White House all declined. Supreme Court Justice Ann Lee did not.',
      ),
    )
    expect(found['organization:cia']).toEqual(['CIA'])
    expect(found['organization:council-on-foreign-relations']).toEqual(['Council on Foreign Relations'])
    expect(found['organization:bank-of-japan']).toEqual(['Bank of Japan'])
    expect(found['organization:white-house']).toEqual(['White House'])
    expect(found['organization:supreme-court']).toEqual(['Supreme Court'])
    expect(found['person:ann-lee']).toEqual(['Ann Lee'])
  })

  it('knows a company by its short name once the article gives the full one', () => {
    const found = mentions(article('Cuts', 'Acme Corp. will cut jobs.', 'Acme said the cuts were final.'))
    expect(found['organization:acme-corp']).toEqual(['Acme Corp.', 'Acme'])
    expect(Object.keys(found).some((k) => k.startsWith('person:'))).toBe(false)
  })

  it('reads a dateline as a place, not an acronym, and finds the place again', () => {
    const found = mentions(
      article(
        'Plant',
        'HALVIK, Norway — A plant will close, the union said.',
        'Workers in Halvik heard on Monday.',
      ),
    )
    expect(found['place:halvik']).toEqual(['HALVIK', 'Halvik'])
    expect(found['organization:halvik']).toBeUndefined()
  })

  it('reads no acronyms in a headline written all in capitals', () => {
    const found = mentions(article('TRUMP WILL WALK OUT OF THE SUMMIT', 'Body text here.'))
    expect(Object.keys(found)).toEqual([])
  })

  it('gives people the same ids as the speakers of their quotes', () => {
    const blocks = article('Talks', '"Fine," said Sheila Smith, a senior fellow.')
    const { speakers } = analyseQuotes(blocks)
    const people = extractEntities(blocks, speakers).filter((e) => e.type === 'person')
    expect(people.map((p) => p.id)).toEqual(speakers.map((s) => s.id))
  })

  it('keeps mentions of different entities from overlapping, each inside its text', () => {
    for (const { raw, seed } of quoteFixtures()) {
      if (seed) continue
      const blocks = fixtureBlocks(raw)
      const spans = entitiesOf(blocks).flatMap((e) => {
        expect(v.is(entitySchema, e)).toBe(true)
        return e.mentions
      })
      for (const span of spans) {
        const block = blocks.find((b) => b.id === span.paragraphId)!
        expect(span.end).toBeLessThanOrEqual(block.text.length)
        expect(span.start).toBeLessThan(span.end)
      }
      const sorted = [...spans].sort((x, y) => (x.paragraphId === y.paragraphId ? x.start - y.start : 0))
      for (let i = 1; i < sorted.length; i += 1) {
        if (sorted[i]!.paragraphId === sorted[i - 1]!.paragraphId) {
          expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end)
        }
      }
    }
  })

  it('lists the people, places and organisations of the Nikkei seed', () => {
    const raw = quoteFixtures().find((f) => f.name === '000_80f71aebbeb0d8b4')!.raw
    const a = buildArticle(raw, { outlet: null, sourceUrl: null, storyId: null })
    const byType = (type: Entity['type']) =>
      a.entities
        .filter((e) => e.type === type)
        .map((e) => e.name)
        .sort()
    expect(byType('person')).toEqual([
      'Donald Trump',
      'Kim Jong Un',
      'Mike Pompeo',
      'Sheila Smith',
      'Shinzo Abe',
    ])
    expect(byType('organization')).toEqual(['CIA', 'Council on Foreign Relations'])
    expect(byType('place')).toEqual([
      'Florida',
      'Japan',
      'Korean Peninsula',
      'Mar-a-Lago',
      'North Korea',
      'Pyongyang',
      'Tokyo',
      'United States',
      'Washington',
    ])
  })
})

describe('slugOf', () => {
  it('makes readable ASCII slugs that agree across spellings', () => {
    expect(slugOf('Kim Jong-un')).toBe(slugOf('Kim Jong Un'))
    expect(slugOf('São Paulo')).toBe('sao-paulo')
    expect(slugOf("O'Brien")).toBe('obrien')
  })
})

describe('tokenize', () => {
  it('keeps initialisms, abbreviations and inner apostrophes in one word and splits off a possessive', () => {
    const tokens = tokenize("U.S. President Donald Trump's Mr. Abe won’t go; the Koreas’ talks")
    expect(tokens.map((t) => t.text)).toEqual([
      'U.S.',
      'President',
      'Donald',
      'Trump',
      'Mr.',
      'Abe',
      'won’t',
      'go',
      'the',
      'Koreas',
      'talks',
    ])
    expect(tokens.filter((t) => t.possessive).map((t) => t.text)).toEqual(['Trump', 'Koreas'])
  })
})
