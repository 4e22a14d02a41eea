import { describe, expect, it } from 'vitest'
import { buildArticle } from '../pipeline'
import { spanText } from '../../../test/fixtures/stories/story-fixture'
import { alignStory } from './story'
import { addFractions, addNegations, isExactFigure } from './story-terms'
import { passageFeatures } from '../align-terms'

// An invented ferry grounding, told by three outlets in their own words.
const raw = {
  agency: `Ferry runs aground off Harlow Point

The passenger ferry Marisol ran aground off Harlow Point on Tuesday evening with 212 people on board.

No one was injured, the coastguard said.

About 3,150 litres of diesel leaked from a damaged tank, according to the harbour office.

Tugs refloated the vessel shortly after midnight.`,
  paper: `Marisol grounding: harbour office counts the cost

The Marisol struck rocks near Harlow Point late on Tuesday.

Nobody has been hurt.

Officials estimate that 3150 litres escaped before divers sealed the breach.

Divers will inspect the hull on Thursday.`,
  local: `Harlow Point: a night on the rocks

Passengers described a loud bang as the Marisol hit the reef near Harlow Point.

Two crew members were injured while lowering a lifeboat, a nurse at the quay said.

Volunteers served tea to 212 passengers on the quay until the early hours.`,
}

function story() {
  return Object.entries(raw).map(([id, text]) =>
    buildArticle(text, { id, outlet: id, sourceUrl: null, storyId: 'ferry', published: null }),
  )
}

describe('alignStory: facts worded differently', () => {
  const articles = story()
  const aligned = alignStory(articles)
  const linked = (a: RegExp, b: RegExp) =>
    aligned.links.some((l) => {
      const lt = spanText(
        articles.find((x) => x.id === l.leftId)!,
        l.left,
      )
      const rt = spanText(
        articles.find((x) => x.id === l.rightId)!,
        l.right,
      )
      return (a.test(lt) && b.test(rt)) || (a.test(rt) && b.test(lt))
    })

  it('links two reports that nobody was hurt, worded differently', () => {
    expect(linked(/No one was injured/, /Nobody has been hurt/)).toBe(true)
  })

  it('does not link a report that nobody was hurt with one of two crew injured', () => {
    expect(linked(/No one was injured/, /Two crew members were injured/)).toBe(false)
    expect(linked(/Nobody has been hurt/, /Two crew members were injured/)).toBe(false)
  })

  it('links the same exact figure written two ways when a little more is shared', () => {
    expect(linked(/3,150 litres of diesel/, /3150 litres escaped/)).toBe(true)
  })
})

describe('addNegations', () => {
  it('keeps what a passage denies as a feature of its own, whatever the negating words', () => {
    const keys = (text: string) => {
      const f = passageFeatures(text)
      addNegations(text, f)
      return [...f.features.keys()].filter((k) => k.startsWith('¬'))
    }
    expect(keys('No one was injured.')).toEqual(keys('There were no injuries.'))
    expect(keys('Nobody has been hurt.')).toHaveLength(1)
    expect(keys('Three people were hurt.')).toEqual([])
  })
})

describe('isExactFigure', () => {
  it('counts figures but not years', () => {
    expect(isExactFigure('#2400')).toBe(true)
    expect(isExactFigure('#4.5%')).toBe(true)
    expect(isExactFigure('#2021')).toBe(false)
    expect(isExactFigure('#monday')).toBe(false)
  })
})

describe('addFractions', () => {
  it('gives a fraction in words the figure its percentage is written as', () => {
    const figures = (text: string) => {
      const f = passageFeatures(text)
      addFractions(text, f)
      return [...f.features.keys()].filter((k) => k.startsWith('#'))
    }
    expect(figures('Catches have fallen by a third.')).toEqual(figures('Catches are down 33 per cent.'))
    expect(figures('Catches have fallen by a third.')).not.toEqual(figures('Catches are down 25 per cent.'))
    expect(figures('A third of the catch was sold.')).toEqual(figures('33 per cent of the catch was sold.'))
    // An ordinal is no share.
    expect(figures('Protests entered a third day.')).toEqual([])
  })
})
