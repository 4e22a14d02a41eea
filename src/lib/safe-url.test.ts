import { describe, expect, it } from 'vitest'
import { safeHref } from './safe-url'

const base = 'https://parallax.example/reader/article/a?x=1'

describe('safeHref', () => {
  it('keeps ordinary web links to other sites, normalised the way the browser will follow them', () => {
    expect(safeHref('https://asia.nikkei.com/Spotlight/North-Korea', base)).toBe(
      'https://asia.nikkei.com/Spotlight/North-Korea',
    )
    expect(safeHref('http://example.org', base)).toBe('http://example.org/')
    expect(safeHref('HTTPS://Example.ORG/a b', base)).toBe('https://example.org/a%20b')
    expect(safeHref('  https://example.org/trimmed  ', base)).toBe('https://example.org/trimmed')
    expect(safeHref('https://example.org/#:~:text=respectfully%20leave', base)).toBe(
      'https://example.org/#:~:text=respectfully%20leave',
    )
  })

  it('keeps links to paths on this site, and never lets them leave it', () => {
    expect(safeHref('/article/x?quote=q1#p2', base)).toBe('/article/x?quote=q1#p2')
    expect(safeHref('#p3', base)).toBe('/reader/article/a?x=1#p3')
    expect(safeHref('?q=summit', base)).toBe('/reader/article/a?q=summit')
    expect(safeHref('/a/../../../etc/passwd', base)).toBe('/etc/passwd')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript\r:alert(1)',
    '\u007fjavascript:alert(1)',
    'javascript://%0aalert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript%3Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'blob:https://parallax.example/1234',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'mailto:someone@example.org',
    '//evil.example/',
    '///evil.example/',
    '\\\\evil.example\\',
    '/\\evil.example',
    '\\/evil.example',
    'https:\\\\evil.example',
    'http:evil.example',
    'https:/evil.example',
    'https://',
    'https://user:pass@evil.example/',
    'https://trusted.example@evil.example/',
    'relative/path',
    'evil.example',
    '',
    '   ',
    `https://example.org/${'a'.repeat(2100)}`,
  ])('refuses %j', (input) => {
    expect(safeHref(input, base)).toBeNull()
  })

  it('refuses everything when the base itself is not a web page', () => {
    expect(safeHref('/article/x', 'about:blank')).toBeNull()
    expect(safeHref('/article/x', 'not a url')).toBeNull()
  })

  it('treats values that are not strings as unsafe instead of throwing', () => {
    expect(safeHref(undefined as unknown as string, base)).toBeNull()
    expect(safeHref({ toString: () => 'javascript:alert(1)' } as unknown as string, base)).toBeNull()
  })
})
