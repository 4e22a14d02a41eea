import { describe, expect, it } from 'vitest'
import { findQuotes } from './quotes'
import type { Paragraph } from './schema'

function body(...texts: string[]): Paragraph[] {
  return [{ id: 'headline', text: 'A headline' }, ...texts.map((text, i) => ({ id: `p${i + 1}`, text }))]
}

const quoted = (...texts: string[]) => findQuotes(body(...texts)).map((q) => q.text)

describe('quote marks of other outlets', () => {
  it('reads two apostrophes as one quotation mark, the way some newspapers quote', () => {
    expect(
      quoted("''We will not wait,'' said the mayor. ''It's our turn.''", "It's the city's third plan."),
    ).toEqual(['We will not wait,', "It's our turn."])
  })

  it('reads TeX-style backticks closed by two apostrophes', () => {
    expect(quoted("``It is a fair deal,'' he said, ``for both sides.''")).toEqual([
      'It is a fair deal,',
      'for both sides.',
    ])
  })

  it('reads Japanese corner brackets and German low marks as quotation marks', () => {
    expect(quoted('「We will respond firmly」, said the minister.')).toEqual(['We will respond firmly'])
    expect(quoted('„Ein Meilenstein“, sagte er.')).toEqual(['Ein Meilenstein'])
  })

  it('pairs a German low single mark with its high closing mark', () => {
    expect(quoted('She called the plan ‚simply unrealistic‘ on the radio.')).toEqual(['simply unrealistic'])
  })

  it('keeps apostrophes, primes and clippings out of a body that quotes with two apostrophes', () => {
    expect(
      quoted(
        "''Let's go,'' said the coach, who is 5'11\".",
        "It's rock 'n' roll basketball, the best since the '90s.",
      ),
    ).toEqual(["Let's go,"])
  })

  it('keeps the quotation open across an apostrophe pair inside it', () => {
    expect(quoted("''We don't know,'' she said.")).toEqual(["We don't know,"])
  })
})

describe('quotations inside quotations', () => {
  it('finds both the quotation and the words it quotes', () => {
    const quotes = findQuotes(
      body(
        '"My mother used to say, \'Never trust a man who counts his change twice,\' and she was right," he said.',
      ),
    )
    expect(quotes.map((q) => [q.text, q.nested])).toEqual([
      ["My mother used to say, 'Never trust a man who counts his change twice,' and she was right,", false],
      ['Never trust a man who counts his change twice,', true],
    ])
  })

  it('closes a quotation whose closing mark stands after a space, behind a nested quote', () => {
    expect(quoted('"He looked at me like, \'Oh, this is important,\' " Lee said.')).toEqual([
      "He looked at me like, 'Oh, this is important,'",
      'Oh, this is important,',
    ])
  })

  it('reads a single quoted word inside a quotation as a term, not a quotation', () => {
    expect(quoted('"He told me \'no\' twice," she said.')).toEqual(["He told me 'no' twice,"])
  })
})
