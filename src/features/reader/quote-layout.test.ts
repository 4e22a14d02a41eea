import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Quote } from '../../core/schema'
import { layoutQuotes, piecesText, type Piece } from './quote-layout'

function quote(id: string, start: number, end: number): Quote {
  return {
    id,
    paragraphId: 'p1',
    start,
    end,
    text: '',
    kind: 'full',
    speakerId: null,
    confidence: 0,
    cue: null,
  }
}

/** Flattens pieces into a readable outline: text as is, quotes as [id:…], labels as <id>. */
function outline(pieces: readonly Piece[]): string {
  return pieces
    .map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'quote'
          ? `[${p.quote.id}:${outline(p.children)}]`
          : `<${p.quote.id}>`,
    )
    .join('')
}

describe('layoutQuotes', () => {
  it('marks the quoted words and puts the speaker label after the closing quotation mark', () => {
    const text = 'He said "we go now" and left.'
    const start = text.indexOf('we go')
    const { pieces, placed } = layoutQuotes(text, [quote('q1', start, start + 'we go now'.length)])
    expect(outline(pieces)).toBe('He said "[q1:we go now]"<q1> and left.')
    expect(placed).toEqual(['q1'])
  })

  it('keeps the text exactly as written, whatever the quotes', () => {
    const text = 'A "b" c "d e" f'
    const d = text.indexOf('d e')
    const layout = layoutQuotes(text, [quote('q1', 3, 4), quote('q2', d, d + 3)])
    expect(piecesText(layout.pieces)).toBe(text)
    expect(outline(layout.pieces)).toBe('A "[q1:b]"<q1> c "[q2:d e]"<q2> f')
  })

  it('nests a quote inside another one', () => {
    const text = `"I told them, 'keep talking', twice."`
    const outer = quote('q1', 1, text.length - 1)
    const innerStart = text.indexOf('keep')
    const inner = quote('q2', innerStart, innerStart + 'keep talking'.length)
    const { pieces, placed } = layoutQuotes(text, [inner, outer])
    expect(outline(pieces)).toBe(`"[q1:I told them, '[q2:keep talking]'<q2>, twice.]"<q1>`)
    expect(placed).toEqual(['q1', 'q2'])
  })

  it('cuts a quote that crosses another where the first one ends, instead of losing either', () => {
    const text = 'abcdefghij'
    const { pieces, placed } = layoutQuotes(text, [quote('q1', 0, 5), quote('q2', 3, 8)])
    expect(outline(pieces)).toBe('[q1:abcde]<q1>[q2:fgh]<q2>ij')
    expect(placed).toEqual(['q1', 'q2'])
  })

  it('skips quotes whose offsets are outside the text, reversed or empty', () => {
    const text = 'short text'
    const { pieces, placed } = layoutQuotes(text, [
      quote('q1', -1, 3),
      quote('q2', 5, 99),
      quote('q3', 6, 2),
      quote('q4', 4, 4),
      quote('q5', 0.5, 3),
      quote('q6', 0, 5),
    ])
    expect(placed).toEqual(['q6'])
    expect(outline(pieces)).toBe('[q6:short]<q6> text')
  })

  it('never cuts an emoji in half', () => {
    const text = 'ship 🚢 ahoy'
    const inside = text.indexOf('🚢') + 1 // between the two halves of the surrogate pair
    const { pieces } = layoutQuotes(text, [quote('q1', inside, text.length)])
    expect(outline(pieces)).toBe('ship 🚢[q1: ahoy]<q1>')
    expect(piecesText(pieces)).toBe(text)
  })

  it('never throws, keeps the text and places each quote at most once, for any offsets', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60, unit: 'binary' }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 })), {
          maxLength: 12,
        }),
        (text, ranges) => {
          const quotes = ranges.map(([s, e], i) => quote(`q${i + 1}`, s, e))
          const a = layoutQuotes(text, quotes)
          expect(piecesText(a.pieces)).toBe(text)
          expect(new Set(a.placed).size).toBe(a.placed.length)
          // Same input, same output.
          expect(layoutQuotes(text, quotes)).toEqual(a)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
