import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatNameList, plural } from './format'

describe('formatting shown to readers', () => {
  it('writes dates the British way, the same as the browser’s en-GB long date, in UTC', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10)
          expect(formatDate(iso)).toBe(intl.format(Date.parse(`${iso}T00:00:00Z`)))
        },
      ),
    )
    expect(formatDate('2018-04-22')).toBe('22 April 2018')
  })

  it('leaves a date it cannot read as it was written', () => {
    expect(formatDate('spring 2018')).toBe('spring 2018')
  })

  it('groups thousands with commas, like the en-GB number format', () => {
    const intl = new Intl.NumberFormat('en-GB')
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(formatCount(n)).toBe(intl.format(n))
      }),
    )
    expect(formatCount(10000)).toBe('10,000')
    expect(formatCount(12.5)).toBe('12.5')
    expect(formatCount(0)).toBe('0')
  })

  it('says one or many, and lists names with "and"', () => {
    expect(plural(1, 'quote')).toBe('1 quote')
    expect(plural(1200, 'quote')).toBe('1,200 quotes')
    expect(formatNameList(['Abe', 'Trump'])).toBe('Abe and Trump')
    expect(formatNameList(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 others')
  })
})
