import { describe, expect, it } from 'vitest'
import { compareQuoteWording } from './quote-wording'

describe('compareQuoteWording', () => {
  it('calls a quote verbatim when only case, punctuation and curly marks differ', () => {
    const r = compareQuoteWording('We won’t have it.', '"we won\'t have it"')
    expect(r.fidelity).toBe('verbatim')
    expect(r.ops).toEqual([{ type: 'same', text: 'We won’t have it' }])
  })

  it('calls a fragment of the full sentence trimmed and lists the words it leaves out', () => {
    const r = compareQuoteWording('I will respectfully leave the meeting', 'respectfully leave')
    expect(r.fidelity).toBe('trimmed')
    expect(r.ops).toEqual([
      { type: 'removed', text: 'I will' },
      { type: 'same', text: 'respectfully leave' },
      { type: 'removed', text: 'the meeting' },
    ])
  })

  it('calls an elided quote trimmed whichever side is longer', () => {
    const r = compareQuoteWording(
      'Maximum pressure … will be demanded',
      'Maximum pressure needs to be maintained and action will be demanded',
    )
    expect(r.fidelity).toBe('trimmed')
    expect(r.ops.filter((op) => op.type === 'added').map((op) => op.text)).toEqual([
      'needs to be maintained and action',
    ])
  })

  it('calls a reworded quote paraphrased and shows the replaced words', () => {
    const r = compareQuoteWording('we will leave the meeting', 'we will walk out of the meeting')
    expect(r.fidelity).toBe('paraphrased')
    expect(r.ops).toEqual([
      { type: 'same', text: 'we will' },
      { type: 'removed', text: 'leave' },
      { type: 'added', text: 'walk out of' },
      { type: 'same', text: 'the meeting' },
    ])
  })

  it('does not call a few common words scattered through a long sentence a trimmed quote', () => {
    const r = compareQuoteWording('the plan is to go to the city and the river', 'the the the')
    expect(r.fidelity).toBe('paraphrased')
  })

  it('treats the same words in compatibility characters (a ligature, full-width letters) as verbatim', () => {
    expect(compareQuoteWording('the ﬁnal offer', 'the final offer').fidelity).toBe('verbatim')
    expect(compareQuoteWording('ＮＯ deal', 'no deal').fidelity).toBe('verbatim')
    expect(compareQuoteWording('Café talks', 'CAFÉ TALKS').fidelity).toBe('verbatim')
  })

  it('treats a hyphenated and a spaced spelling of a name as the same words', () => {
    expect(compareQuoteWording('Kim Jong-un', 'Kim Jong Un').fidelity).toBe('verbatim')
  })
})
