import { describe, expect, it } from 'vitest'
import { findQuotes, findSentenceStarts } from './quotes'
import type { Paragraph } from './schema'

function body(...texts: string[]): Paragraph[] {
  return [{ id: 'headline', text: 'A headline' }, ...texts.map((text, i) => ({ id: `p${i + 1}`, text }))]
}

/** The quoted words, block by block, as a reader would see them highlighted. */
function quoted(blocks: readonly Paragraph[]): string[] {
  return findQuotes(blocks).map((q) => q.text)
}

describe('findQuotes', () => {
  it('finds straight and curly double-quoted passages, without their marks', () => {
    const blocks = body('He said "we will go" and she said “we will stay” later.')
    const quotes = findQuotes(blocks)
    expect(quotes.map((q) => q.text)).toEqual(['we will go', 'we will stay'])
    for (const q of quotes) {
      expect(blocks[q.blockIndex]!.text.slice(q.start, q.end)).toBe(q.text)
      expect('"“'.includes(blocks[q.blockIndex]!.text[q.open]!)).toBe(true)
    }
  })

  it('keeps a quotation of several sentences as one quote', () => {
    expect(quoted(body('"We came. We saw. We left early," she said.'))).toEqual([
      'We came. We saw. We left early,',
    ])
  })

  it('calls a fragment inside a sentence partial', () => {
    const [q] = findQuotes(body('Trump vowed to do “everything possible” to make it work.'))
    expect(q).toMatchObject({ text: 'everything possible', kind: 'partial' })
  })

  it('calls a quotation that fills its paragraph full', () => {
    const [q] = findQuotes(body('"maximum pressure must be maintained."'))
    expect(q).toMatchObject({ kind: 'full' })
  })

  it('calls a capitalised quotation after a cue verb, a colon or a sentence end full', () => {
    const quotes = findQuotes(body('Abe said "There is no reward." Later: "We agree." "Fine," he added.'))
    expect(quotes.map((q) => q.kind)).toEqual(['full', 'full', 'full'])
  })

  it('calls a capitalised term in the middle of a sentence partial', () => {
    const [q] = findQuotes(body('He called the plan "Operation Sunrise" in a tweet.'))
    expect(q).toMatchObject({ text: 'Operation Sunrise', kind: 'partial' })
  })

  it('calls the second half of an interrupted quotation full', () => {
    const quotes = findQuotes(body('“We must be realistic,” Moon said, “but we must not be timid.”'))
    expect(quotes.map((q) => [q.text, q.kind])).toEqual([
      ['We must be realistic,', 'full'],
      ['but we must not be timid.', 'full'],
    ])
  })

  it('reads single quotes in a headline as a scare quote, and apostrophes in it as apostrophes', () => {
    const quotes = findQuotes([
      { id: 'headline', text: "Trump won’t walk out of Kim meeting if 'not fruitful'" },
      { id: 'p1', text: 'Body text.' },
    ])
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatchObject({
      paragraphId: 'headline',
      text: 'not fruitful',
      kind: 'scare',
      single: true,
    })
  })

  it('reads a headline quote introduced with a colon as a full quote, not a scare quote', () => {
    const [q] = findQuotes([{ id: 'headline', text: "Minister: 'We will not back down'" }])
    expect(q).toMatchObject({ text: 'We will not back down', kind: 'full' })
  })

  it('reads past a plural possessive inside a single-quoted title phrase', () => {
    expect(quoted([{ id: 'headline', text: "Seoul warns of 'the Koreas’ lost decade' ahead" }])).toEqual([
      'the Koreas’ lost decade',
    ])
    expect(quoted([{ id: 'headline', text: "Trump hails 'great talks' at Koreas' border" }])).toEqual([
      'great talks',
    ])
  })

  it('never reads apostrophes as quote marks in a title', () => {
    expect(
      quoted([
        { id: 'headline', text: "It's the ’90s again as the Koreas’ talks resume and rock 'n' roll returns" },
      ]),
    ).toEqual([])
  })

  it('reads single quotes as quote marks in a body that uses no double marks (British style)', () => {
    const blocks = body(
      "'We will not back down on the levy,' Ms Moore said. 'It is right for children's health.'",
      "'They've had since the '90s to sort this out and they haven't,' he said.",
    )
    expect(quoted(blocks)).toEqual([
      'We will not back down on the levy,',
      "It is right for children's health.",
      "They've had since the '90s to sort this out and they haven't,",
    ])
  })

  it('ignores single quotes inside a body that quotes with double marks', () => {
    expect(quoted(body("\"He told me 'no' twice,\" she said. The Koreas' 'summit' went ahead."))).toEqual([
      "He told me 'no' twice,",
    ])
  })

  it('continues a quotation into the next paragraph when that paragraph reopens with a mark', () => {
    const quotes = findQuotes(
      body(
        '"We have been patient," Reyes said. "We will not wait for two more years.',
        '"They know our number."',
      ),
    )
    expect(quotes.map((q) => [q.paragraphId, q.text, q.continuesTo, q.continuesFrom])).toEqual([
      ['p1', 'We have been patient,', false, false],
      ['p1', 'We will not wait for two more years.', true, false],
      ['p2', 'They know our number.', false, true],
    ])
    expect(quotes[1]!.close).toBe(-1)
  })

  it('ends an unclosed quotation at the end of its paragraph when the paragraph ends like a sentence', () => {
    const quotes = findQuotes(body('He added: "Everything else is theatre.', 'Next paragraph has no quote.'))
    expect(quotes.map((q) => [q.paragraphId, q.text])).toEqual([['p1', 'Everything else is theatre.']])
  })

  it('ignores a stray opening mark that cannot start a quotation, and never swallows the next paragraph', () => {
    const blocks = body('The "deal was signed on Monday', '"Yes," she said.')
    expect(findQuotes(blocks).map((q) => [q.paragraphId, q.text])).toEqual([['p2', 'Yes,']])
  })

  it('drops an opening mark left unclosed when a new quotation opens', () => {
    expect(quoted(body('He said "we will go and then "Nobody moves," she replied.'))).toEqual([
      'Nobody moves,',
    ])
  })

  it('does not read an inch mark after a number as a quote mark', () => {
    expect(quoted(body('The 12" pipes and the "reset" plan.'))).toEqual(['reset'])
  })

  it('reads curly marks used the wrong way round by which side the words are on', () => {
    expect(quoted(body('He said ”we will go” and left.'))).toEqual(['we will go'])
  })

  it('pairs low and guillemet quotation marks', () => {
    expect(quoted(body('Er sagte „wir gehen“ und « nous restons » plus tard.'))).toEqual([
      'wir gehen',
      'nous restons',
    ])
  })

  it('skips empty quotation marks', () => {
    expect(quoted(body('He said "" and “ ” and left.'))).toEqual([])
  })
})

describe('findSentenceStarts', () => {
  const starts = (text: string) => findSentenceStarts(text, findQuotes([{ id: 'p1', text }]))

  it('does not split at "U.S. President", "Mr." or a middle initial', () => {
    expect(starts('U.S. President Donald Trump met Mr. Abe and John F. Kennedy Jr. on Monday.')).toEqual([])
  })

  it('splits after a full stop followed by a capital, and after "U.S." before a sentence-starting word', () => {
    const text = 'He went to the U.S. The talks began. Then they ended.'
    expect(starts(text).map((i) => text.slice(i, i + 4))).toEqual(['The ', 'Then'])
  })

  it('splits after a quotation that ends a sentence but not after one that ends with a comma', () => {
    const text = '"It went well," he said. "It went very well." She agreed.'
    expect(starts(text).map((i) => text.slice(i, i + 4))).toEqual(['"It ', 'She '])
  })

  it('reads a long run of full stops once', () => {
    const text = `${'.'.repeat(50_000)} A`
    expect(starts(text)).toEqual([text.length - 1])
  })
})
