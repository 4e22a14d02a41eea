import { describe, expect, it } from 'vitest'
import { MAX_FILTER_OPTIONS, visibleOptions } from './library-toolbar'

const many = Array.from({ length: 500 }, (_, i) => ({
  value: `Person ${i}`,
  label: `Person ${i}`,
  count: 500 - i,
}))

describe('visibleOptions', () => {
  it('offers the most frequent choices only, so a huge library keeps a usable, fast filter', () => {
    const shown = visibleOptions(many, '')
    expect(shown).toHaveLength(MAX_FILTER_OPTIONS)
    expect(shown[0]?.value).toBe('Person 0')
  })

  it('still shows the chosen value when it is not among the most frequent', () => {
    const shown = visibleOptions(many, 'Person 420')
    expect(shown.at(-1)).toEqual({ value: 'Person 420', label: 'Person 420', count: 80 })
  })

  it('shows a value from a link that matches no article, with a count of 0', () => {
    expect(visibleOptions(many.slice(0, 3), 'Nobody').at(-1)).toEqual({
      value: 'Nobody',
      label: 'Nobody',
      count: 0,
    })
  })
})
