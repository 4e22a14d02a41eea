import { describe, expect, it } from 'vitest'
import { compareText } from './text-order'

describe('alphabetical order for ties', () => {
  it('sets accents and case aside, then orders as written', () => {
    expect(['émile', 'Zoe', 'adam', 'Emile', 'Eve'].sort(compareText)).toEqual([
      'adam',
      'Emile',
      'émile',
      'Eve',
      'Zoe',
    ])
  })
})
