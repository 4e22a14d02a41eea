/**
 * CSV that opens cleanly in a spreadsheet: RFC 4180 (comma-separated, CRLF between records, a field quoted when
 * it holds a comma, a double quote, CR or LF, and quotes inside doubled), and no cell a spreadsheet would run as
 * a formula. Quoted speech is untrusted text: a cell beginning `=`, `+`, `-`, `@`, tab or CR is read by Excel,
 * LibreOffice and Sheets as a formula (CSV injection), so such a cell is prefixed with an apostrophe, which the
 * spreadsheet shows as text and does not display.
 */

// The characters OWASP lists as starting a formula, plus their full-width forms, which some spreadsheets fold.
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const needsQuoting = /[",\r\n]/

/** One cell: neutralised if it would start a formula, then quoted if RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value
  return needsQuoting.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The rows as CSV text (no byte-order mark; `downloadCsv` adds it). Every record ends with CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')
}

// A UTF-8 byte-order mark: without it Excel reads a CSV as the system code page and mangles curly quotes and
// accented names.
const bom = '\uFEFF'

/** A file name safe on every desktop system: no path separators, reserved or control characters. */
export function csvFilename(name: string): string {
  const base = name
    .replace(/\.csv$/i, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 120)
  return `${base === '' ? 'quotes' : base}.csv`
}

/** The CSV file's contents as the browser will save them (BOM + CSV). */
export function csvBlob(rows: readonly (readonly string[])[]): Blob {
  return new Blob([bom, toCsv(rows)], { type: 'text/csv;charset=utf-8' })
}

/** Saves the rows as a CSV file named `filename` through the browser's download. */
export function downloadCsv(filename: string, rows: readonly (readonly string[])[]): void {
  const url = URL.createObjectURL(csvBlob(rows))
  const link = document.createElement('a')
  link.href = url
  link.download = csvFilename(filename)
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next turn: Chromium and Firefox start the download from the click, but revoking synchronously
  // has cancelled it in some versions.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
