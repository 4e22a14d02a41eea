import { describe, expect, it } from 'vitest'
import { goldProblems, loadStories, scoreStory, spanText } from '../../../test/fixtures/stories/story-fixture'
import { comparisonSchema } from '../schema'
import { alignStory } from './story'
import { alignedStoryPair, mirrorNote, storyPair } from './story-pair'

const stories = loadStories()

describe('alignStory on invented stories of several outlets', () => {
  it('has at least three tune stories and a held-out check story, with gold that matches their text', () => {
    expect(stories.filter((s) => s.gold.split === 'tune').length).toBeGreaterThanOrEqual(3)
    expect(stories.filter((s) => s.gold.split === 'check').length).toBeGreaterThanOrEqual(1)
    for (const s of stories) expect(goldProblems(s)).toEqual([])
  })

  describe.each(stories)('$name', (story) => {
    const aligned = alignStory(story.articles)
    const score = scoreStory(story, aligned.links)

    it('draws no link to an article about something else', () => {
      expect(score.unrelatedLinks).toBe(0)
    })

    it('puts each passage of an article in a fact at most once per fact, and every fact in two articles or more', () => {
      for (const f of aligned.facts) {
        const ids = f.members.map((m) => m.articleId)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.length).toBeGreaterThanOrEqual(2)
      }
    })

    it('gives every pair the links its facts imply, so the pair view and the fact matrix agree', () => {
      const [a, b] = story.articles
      const pair = storyPair(aligned, a!.id, b!.id)
      expect(() => comparisonSchema.parse(pair)).not.toThrow()
      const shared = aligned.facts.filter(
        (f) => f.members.some((m) => m.articleId === a!.id) && f.members.some((m) => m.articleId === b!.id),
      )
      expect(pair.links.length).toBe(shared.length)
      const reversed = storyPair(aligned, b!.id, a!.id)
      expect(reversed.links.map((l) => [l.right, l.left])).toEqual(
        expect.arrayContaining(pair.links.map((l) => [l.left, l.right])),
      )
    })

    it('explains each link of a pair, naming the side that quotes and the side that reports', () => {
      const [a, b] = story.articles
      const pair = alignedStoryPair(aligned, b!.id, a!.id)
      for (const l of pair.links) expect(l.evidence.note.length).toBeGreaterThan(10)
    })
  })
})

describe('a link read from the other side', () => {
  it('swaps which side quotes and which reports, never the words of a quotation', () => {
    expect(
      mirrorNote('Both quote “We got it right on the left bank”, quoted on the left, reported on the right'),
    ).toBe('Both quote “We got it right on the left bank”, quoted on the right, reported on the left')
  })
})

describe('alignStory: links a reader can trust', () => {
  const strike = stories.find((s) => s.name === 'port-strike')!
  const aligned = alignStory(strike.articles)
  const text = (id: string, span: Parameters<typeof spanText>[1]) =>
    spanText(
      strike.articles.find((a) => a.id === id)!,
      span,
    )

  it('never links two passages that share only names and places', () => {
    const wrong = aligned.links.filter(
      (l) =>
        /grew up in the harbour district/.test(text(l.leftId, l.left) + text(l.rightId, l.right)) ||
        /due to visit Kelvane on Thursday/.test(text(l.leftId, l.left) + text(l.rightId, l.right)),
    )
    expect(wrong.map((l) => `${text(l.leftId, l.left)} ↔ ${text(l.rightId, l.right)}`)).toEqual([])
  })

  it('keeps two different remarks by one person apart', () => {
    const wrong = aligned.links.filter((l) =>
      /back out next month/.test(text(l.leftId, l.left) + text(l.rightId, l.right)),
    )
    expect(wrong.map((l) => `${text(l.leftId, l.left)} ↔ ${text(l.rightId, l.right)}`)).toEqual([])
  })

  it('makes one quote of a remark quoted by one outlet and reported by another', () => {
    const fact = aligned.facts.find((f) =>
      f.members.some((m) => m.articleId === 'wire' && /every chance/.test(text('wire', m.span))),
    )
    expect(fact?.kind).toBe('quote')
    const broadcaster = fact?.members.find((m) => m.articleId === 'broadcaster')
    expect(broadcaster?.carried).toBe('reported')
    expect(fact?.members.find((m) => m.articleId === 'wire')?.carried).toBe('quoted')
  })
})
