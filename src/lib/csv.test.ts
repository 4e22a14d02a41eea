// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { csvBlob, csvCell, csvFilename, downloadCsv, toCsv } from './csv'

describe('toCsv', () => {
  it('separates cells with commas and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['speaker', 'quote'],
        ['Ada Lane', 'We will build it'],
      ]),
    ).toBe('speaker,quote\r\nAda Lane,We will build it\r\n')
  })

  it('quotes cells holding commas, quotes or line breaks, doubling inner quotes', () => {
    expect(toCsv([['a, b', 'she said "no"', 'line one\nline two', 'cr\rhere']])).toBe(
      '"a, b","she said ""no""","line one\nline two","cr\rhere"\r\n',
    )
  })

  it('keeps empty cells and empty rows as fields a spreadsheet counts', () => {
    expect(toCsv([['', 'x', ''], []])).toBe(',x,\r\n\r\n')
  })

  it('leaves accented and curly-quoted text as it is', () => {
    expect(toCsv([['José Ñúñez', '‘Fine’, he said — “really”']])).toBe(
      'José Ñúñez,"‘Fine’, he said — “really”"\r\n',
    )
  })
})

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['＝1+1', "'＝1+1"],
  ])('neutralises a cell a spreadsheet would run as a formula: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })

  it('leaves formula characters alone when they are not at the start', () => {
    expect(csvCell('a=b and c@d - e+f')).toBe('a=b and c@d - e+f')
  })
})

describe('csvFilename', () => {
  it('makes a file name without path separators or reserved characters, ending in .csv', () => {
    expect(csvFilename('../Quotes: "Tokyo" / Nikkei?')).toBe('Quotes- -Tokyo- - Nikkei.csv')
    expect(csvFilename('quotes.csv')).toBe('quotes.csv')
    expect(csvFilename('   ')).toBe('quotes.csv')
  })
})

describe('downloadCsv', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('writes a UTF-8 byte-order mark before the CSV so spreadsheets read the text as UTF-8', async () => {
    const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as ArrayBuffer)
      reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'))
      reader.readAsArrayBuffer(csvBlob([['é']]))
    })
    const bytes = new Uint8Array(buffer)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('é\r\n')
  })

  it('saves the file through a temporary download link with the given name', () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: { name: string; href: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.getAttribute('href') ?? '' })
    })
    downloadCsv('quotes from the article', [['a']])
    expect(created).toHaveBeenCalledOnce()
    expect(clicked).toEqual([{ name: 'quotes from the article.csv', href: 'blob:test' }])
    expect(document.querySelector('a[download]')).toBeNull()
  })
})
