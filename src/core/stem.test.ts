import { describe, expect, it } from 'vitest'
import { stem } from './stem'

// Pairs from Martin Porter's paper and his published vocabulary, one per rule group.
const PORTER: [string, string][] = [
  ['caresses', 'caress'],
  ['ponies', 'poni'],
  ['ties', 'ti'],
  ['cats', 'cat'],
  ['feed', 'feed'],
  ['agreed', 'agre'],
  ['plastered', 'plaster'],
  ['bled', 'bled'],
  ['motoring', 'motor'],
  ['sing', 'sing'],
  ['conflated', 'conflat'],
  ['troubled', 'troubl'],
  ['sized', 'size'],
  ['hopping', 'hop'],
  ['falling', 'fall'],
  ['hissing', 'hiss'],
  ['fizzed', 'fizz'],
  ['failing', 'fail'],
  ['filing', 'file'],
  ['happy', 'happi'],
  ['sky', 'sky'],
  ['relational', 'relat'],
  ['conditional', 'condit'],
  ['rational', 'ration'],
  ['digitizer', 'digit'],
  ['conformabli', 'conform'],
  ['radicalli', 'radic'],
  ['differentli', 'differ'],
  ['vietnamization', 'vietnam'],
  ['predication', 'predic'],
  ['operator', 'oper'],
  ['feudalism', 'feudal'],
  ['decisiveness', 'decis'],
  ['hopefulness', 'hope'],
  ['callousness', 'callous'],
  ['formaliti', 'formal'],
  ['sensitiviti', 'sensit'],
  ['sensibiliti', 'sensibl'],
  ['triplicate', 'triplic'],
  ['formative', 'form'],
  ['formalize', 'formal'],
  ['electrical', 'electr'],
  ['hopeful', 'hope'],
  ['goodness', 'good'],
  ['revival', 'reviv'],
  ['allowance', 'allow'],
  ['inference', 'infer'],
  ['airliner', 'airlin'],
  ['gyroscopic', 'gyroscop'],
  ['adjustable', 'adjust'],
  ['defensible', 'defens'],
  ['irritant', 'irrit'],
  ['replacement', 'replac'],
  ['adjustment', 'adjust'],
  ['dependent', 'depend'],
  ['adoption', 'adopt'],
  ['communism', 'commun'],
  ['activate', 'activ'],
  ['angulariti', 'angular'],
  ['homologous', 'homolog'],
  ['effective', 'effect'],
  ['bowdlerize', 'bowdler'],
  ['probate', 'probat'],
  ['rate', 'rate'],
  ['cease', 'ceas'],
  ['controll', 'control'],
  ['roll', 'roll'],
  ['generalizations', 'gener'],
  ['oscillators', 'oscil'],
]

describe('stem', () => {
  it.each(PORTER)('stems %s to %s as Porter does', (word, expected) => {
    expect(stem(word)).toBe(expected)
  })

  it('brings the inflections of one news verb to one stem', () => {
    const forms = ['negotiate', 'negotiated', 'negotiating', 'negotiations', 'negotiation']
    expect(new Set(forms.map(stem))).toEqual(new Set(['negoti']))
  })

  it('brings irregular past tenses to the stem of their verb', () => {
    expect(stem('said')).toBe(stem('says'))
    expect(stem('met')).toBe(stem('meeting'))
    expect(stem('told')).toBe(stem('telling'))
  })

  it('brings agentive -ee nouns to the stem of their verb', () => {
    expect(stem('abductees')).toBe(stem('abducted'))
    expect(stem('detainee')).toBe(stem('detained'))
    expect(stem('evacuees')).toBe(stem('evacuated'))
  })

  it('leaves short words alone', () => {
    expect(stem('us')).toBe('us')
    expect(stem('is')).toBe('is')
  })
})
