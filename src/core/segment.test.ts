import { describe, expect, it } from 'vitest'
import { segmentBlocks, sentenceRanges } from './segment'

const sentencesOf = (text: string) => sentenceRanges(text).map(([s, e]) => text.slice(s, e))

describe('segmentBlocks', () => {
  it('gives each sentence an id made of its block id and its position', () => {
    const sentences = segmentBlocks([
      { id: 'headline', text: 'Trump ready to walk out' },
      { id: 'deck', text: 'Talks may fail. Pressure stays.' },
      { id: 'p1', text: 'One. Two. Three.' },
    ])
    expect(sentences.map((s) => s.id)).toEqual(['headlines1', 'decks1', 'decks2', 'p1s1', 'p1s2', 'p1s3'])
    expect(sentences[4]).toEqual({ id: 'p1s2', paragraphId: 'p1', start: 5, end: 9 })
  })

  it('does not split after "U.S.", "Mr.", "Dr." or a month before a number', () => {
    expect(
      sentencesOf('U.S. President Donald Trump met Mr. Abe and Dr. Lee on Jan. 5 in Florida. They talked.'),
    ).toEqual(['U.S. President Donald Trump met Mr. Abe and Dr. Lee on Jan. 5 in Florida.', 'They talked.'])
  })

  it('does not split after a middle initial', () => {
    expect(sentencesOf('George W. Bush spoke first. J. K. Rowling spoke next.')).toEqual([
      'George W. Bush spoke first.',
      'J. K. Rowling spoke next.',
    ])
  })

  it('still ends a sentence at "U.S." when a new sentence clearly starts', () => {
    expect(sentencesOf('Abe flew to the U.S. The talks began on Tuesday.')).toEqual([
      'Abe flew to the U.S.',
      'The talks began on Tuesday.',
    ])
  })

  it('keeps a quotation that ends in a full stop with its attribution', () => {
    expect(sentencesOf('"We will leave," he said. "It is over."')).toEqual([
      '"We will leave," he said.',
      '"It is over."',
    ])
  })

  it('covers each sentence without its surrounding spaces', () => {
    const text = '  First one.   Second one.  '
    const ranges = sentenceRanges(text)
    for (const [s, e] of ranges) {
      expect(text[s]).not.toMatch(/\s/)
      expect(text[e - 1]).not.toMatch(/\s/)
    }
    expect(ranges).toEqual([
      [2, 12],
      [15, 26],
    ])
  })

  it('gives byte-identical output for the same input', () => {
    const blocks = [{ id: 'p1', text: 'Mr. Kim arrived. The U.S. envoy left at 3 p.m. Talks resume Monday.' }]
    expect(JSON.stringify(segmentBlocks(blocks))).toBe(JSON.stringify(segmentBlocks(blocks)))
  })

  it('splits a very long paragraph into the same sentences as short ones', () => {
    const sentence = 'The council met on Tuesday and Mr. Okafor presented the plan. '
    const text = sentence.repeat(200).trim()
    const out = sentencesOf(text)
    expect(out).toHaveLength(200)
    expect(new Set(out)).toEqual(new Set([sentence.trim()]))
  })

  it('returns nothing for a block of spaces', () => {
    expect(sentenceRanges('   ')).toEqual([])
  })
})
