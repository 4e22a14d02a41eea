import { describe, expect, it } from 'vitest'
import { isHeaderMeta, statesAuthorOrTime, stripSiteName } from './header-meta'

describe('lines of a page header that state facts rather than title the article', () => {
  it.each([
    'Updated 2 hours ago',
    'Published 11:40 pm EST, Tuesday, November 4, 2031',
    'March 3, 2031 by Jane Doe',
    'Posted on Tuesday 3 March 2031',
    'Jane Doe, Staff Writer',
    'Mary K. Lee, Senior Political Correspondent',
    'Share this with Facebook',
    'Sign in to your account',
    'These links open in a new window',
  ])('reads "%s" as header meta', (line) => {
    expect(isHeaderMeta(line)).toBe(true)
  })

  it.each([
    'Regulator fines Facebook over leaked phone numbers',
    'Ferry Operator Fined By Maritime Agency After Lifeboat Drills Were Faked',
    'Ceasefire talks to resume on March 3 in Geneva',
    'Introducing Odile Brandt, New Head of Fleet Operations',
    'Why nobody wants to share a flat any more',
  ])('reads the headline "%s" as a title', (line) => {
    expect(isHeaderMeta(line)).toBe(false)
  })

  it('does not take a menu prompt for a byline or a date', () => {
    expect(statesAuthorOrTime('Contact us twitter linkedin facebook instagram')).toBe(false)
    expect(statesAuthorOrTime('By Jane Doe')).toBe(true)
  })
})

describe('the site name on a title line', () => {
  it('is removed after the headline', () => {
    expect(stripSiteName('Central bank holds rates as inflation cools | Riverside Herald')).toBe(
      'Central bank holds rates as inflation cools',
    )
  })

  it('is removed before a headline too long to be a site name', () => {
    expect(stripSiteName('The Harbour Gazette | Ferry fares to rise by a fifth in April')).toBe(
      'Ferry fares to rise by a fifth in April',
    )
  })

  it('leaves a headline with a pipe between two long parts alone', () => {
    const both = 'Leaders agree on coastal defences | Island states say the money comes too late'
    expect(stripSiteName(both)).toBe(both)
  })
})
