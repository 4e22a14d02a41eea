import { describe, expect, it } from 'vitest'
import { paths } from './paths'

describe('paths', () => {
  it('encodes ids and drops empty parameters', () => {
    expect(paths.article.build('a b', { quote: 'q1', paragraph: '' })).toBe('/article/a%20b?quote=q1')
    expect(paths.compare.build('x', 'y', { filter: 'all' })).toBe('/compare/x/y')
    expect(paths.library.build({ q: 'pressure', outlet: 'Nikkei Asia' })).toBe(
      '/?q=pressure&outlet=Nikkei+Asia',
    )
  })
})
