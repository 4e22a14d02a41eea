import { describe, expect, it } from 'vitest'
import { summariseComparison } from '../../../core/compare-summary'
import { toCsv } from '../../../lib/csv'
import { comparisonCsvRows } from './comparison-csv'
import { bridgeComparison, courier, gazette } from '../test-fixtures'

const labels = { left: 'Riverside Gazette', right: 'Valley Courier' }

function rows() {
  const comparison = bridgeComparison()
  return comparisonCsvRows(
    gazette,
    courier,
    comparison,
    summariseComparison(gazette, courier, comparison),
    labels,
  )
}

describe('the comparison as CSV', () => {
  it('sets the two articles’ summaries side by side under their outlets', () => {
    const [head, headline] = rows()
    expect(head).toEqual(['Summary', 'Riverside Gazette', 'Valley Courier'])
    expect(headline).toEqual(['Headline', gazette.headline, courier.headline])
    expect(rows().find((r) => r[0] === 'Links')).toEqual(['Links', '3', '3'])
  })

  it('lists every link in the left article’s reading order with both passages and its kind', () => {
    const all = rows()
    const start = all.findIndex((r) => r[0] === 'Link')
    const links = all.slice(start + 1)
    expect(links.map((r) => r[0])).toEqual(['l3', 'l1', 'l2'])
    expect(links[1]).toEqual([
      'l1',
      'Same fact',
      '70%',
      'The council voted 7-2 on Monday to rebuild the bridge.',
      'Councillors approved the reconstruction by seven votes to two.',
      '',
      '',
    ])
    expect(all[start - 1]).toEqual([])
  })

  it('quotes passages holding commas and quotation marks so a spreadsheet keeps them in one cell', () => {
    const csv = toCsv(rows())
    expect(csv).toContain(
      '"""We will rebuild this bridge before the first snow, whatever it costs,"" Mayor Ana Ortiz said."',
    )
  })
})
