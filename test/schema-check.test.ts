/** src/core/schema-check.ts against valibot, on the files the build writes and damaged copies of them. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { buildArticle } from '../src/core/pipeline'
import { buildDataFiles } from '../src/ingest/data-files'
import {
  articleSchema,
  comparisonEvidenceSchema,
  comparisonSchema,
  describeIssue,
  indexSchema,
  peopleSchema,
  searchDocumentsSchema,
  sourcesSchema,
} from '../src/core/schema'
import { compileCheck, safeParseData } from '../src/core/schema-check'

const root = path.resolve(import.meta.dirname, '..')
const raw = (file: string) => readFileSync(path.join(root, file), 'utf8')

// Two stories: the seeds (so a comparison and its evidence both ways) and two fixtures of another.
const sources = [
  ['corpus/raw/000_80f71aebbeb0d8b4.txt', 'seed-a', 'summit', 'https://example.org/a'],
  ['corpus/raw/003_59d9113b8196ce96.txt', 'seed-b', 'summit', null],
  ['test/fixtures/raw/wire-drought-aid.txt', 'drought', 'aid', null],
  ['test/fixtures/raw/print-paper-pressure.txt', 'pressure', 'aid', null],
] as const
const articles = sources.map(([file, id, storyId, sourceUrl]) =>
  buildArticle(raw(file), { id, outlet: id === 'drought' ? null : 'Outlet', sourceUrl, storyId }),
)
// As the browser gets them: JSON text, parsed.
const files = buildDataFiles(articles, [
  { id: 'summit', title: 'Summit', date: '2018-04-18' },
  { id: 'aid', title: 'Aid', date: null },
]).map((f) => ({ path: f.path, data: JSON.parse(JSON.stringify(f.data)) as unknown }))

function schemaFor(file: string): v.GenericSchema {
  if (file === 'index.json') return indexSchema
  if (file === 'search.json') return searchDocumentsSchema
  if (file === 'people.json') return peopleSchema
  if (file.startsWith('articles/')) return articleSchema
  if (file.startsWith('compare/')) return comparisonSchema
  if (file.startsWith('evidence/')) return comparisonEvidenceSchema
  throw new Error(`no schema for ${file}`)
}

const samples = files.map((f) => ({ file: f.path, schema: schemaFor(f.path), data: f.data }))

type Path = (string | number)[]

/** Every path in a JSON value (objects' keys and arrays' indices), the root included. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out))
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out)
  return out
}

/** Values that break one rule or another: types, nulls, negative, fractional and huge numbers, bad formats. */
const replacements: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  'x',
  'p0',
  'p12',
  'headline',
  'Not-A-Slug',
  'javascript:alert(1)',
  'https://example.org/',
  '2018-04-18',
  'same-quote',
  'only',
  [],
  [{}],
  {},
  { id: 'p1', text: 'A paragraph.' },
]

type Mutation =
  | { op: 'replace'; at: number; with: number }
  | { op: 'delete'; at: number }
  | { op: 'add-key'; at: number; key: string }
  | { op: 'swap-ends'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), with: fc.nat(replacements.length - 1) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.constantFrom('extra', '__proto__', 'constructor', 'l999', 'id', 'toString'),
  }),
  fc.record({ op: fc.constant('swap-ends' as const), at: fc.nat() }),
)

function mutate(data: unknown, m: Mutation): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(data))
  const paths = pathsOf(copy)
  const at = paths[m.at % paths.length]!
  if (at.length === 0) return m.op === 'replace' ? replacements[m.with] : copy
  let parent = copy as Record<string | number, unknown>
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = at[at.length - 1]!
  const target = parent[last]
  if (m.op === 'replace') parent[last] = replacements[m.with]
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete parent[last]
  } else if (m.op === 'add-key') {
    // JSON.parse makes "__proto__" an own key, as a data file from the network would.
    if (target && typeof target === 'object' && !Array.isArray(target))
      parent[last] = { ...(JSON.parse(`{${JSON.stringify(m.key)}: "x"}`) as object), ...target }
  } else if (target && typeof target === 'object' && 'start' in target && 'end' in target) {
    const span = target as { start: unknown; end: unknown }
    ;[span.start, span.end] = [span.end, span.start]
  }
  return copy
}

/** What safeParse says, in a comparable form. */
function verdict(result: v.SafeParseResult<v.GenericSchema>) {
  return result.success ? { output: result.output } : { issue: describeIssue(result.issues[0]) }
}

describe('compileCheck', () => {
  it('compiles every data file schema, the hand-edited sources file included', () => {
    for (const schema of [
      articleSchema,
      indexSchema,
      comparisonSchema,
      comparisonEvidenceSchema,
      searchDocumentsSchema,
      peopleSchema,
      sourcesSchema,
    ])
      expect(() => compileCheck(schema)).not.toThrow()
  })

  it('says no to a schema with a type it does not mirror, rather than checking it wrongly', () => {
    expect(() => compileCheck(v.object({ when: v.date() }))).toThrow(/"date" is not supported/)
    expect(() =>
      compileCheck(
        v.pipe(
          v.string(),
          v.transform((s) => s.length),
        ),
      ),
    ).toThrow(/not supported/)
    expect(() => compileCheck(v.object({ n: v.optional(v.number(), 1) }))).toThrow(/not supported/)
    expect(() => compileCheck(v.object({ n: v.fallback(v.optional(v.string()), 'z') }))).toThrow(
      /with a fallback/,
    )
  })

  it('accepts every file the build writes, and returns it as it is', () => {
    expect(samples.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'index.json',
        'compare/seed-a--seed-b.json',
        'evidence/drought--pressure.json',
      ]),
    )
    for (const { file, schema, data } of samples) {
      expect(compileCheck(schema)(data), file).toBe(true)
      const result = safeParseData(schema, data)
      expect(result.success, file).toBe(true)
      expect(result.output, file).toBe(data)
      expect(result.output, file).toEqual(v.safeParse(schema, data).output)
    }
  })
})

describe('safeParseData', () => {
  it('gives the same answer as valibot for damaged files: the same first issue, or the same output', () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        const { schema, data } = samples[i]!
        const damaged = ms.reduce((d, m) => mutate(d, m), data)
        expect(verdict(safeParseData(schema, damaged))).toStrictEqual(verdict(v.safeParse(schema, damaged)))
        // The fast path never says yes to what valibot rejects or would change.
        if (compileCheck(schema)(damaged)) expect(v.safeParse(schema, damaged).output).toStrictEqual(damaged)
      }),
      { numRuns: 600, seed: 20261122 },
    )
  })

  it('names the path and the rule for common damage', () => {
    const article = samples.find((s) => s.file === 'articles/seed-a.json')!
    const bad = JSON.parse(JSON.stringify(article.data)) as {
      paragraphs: { id: string }[]
      wordCount: number
    }
    bad.paragraphs[2]!.id = 'paragraph-3'
    const result = safeParseData(articleSchema, bad)
    expect(result.success).toBe(false)
    expect(describeIssue(result.issues![0])).toBe('paragraphs.2.id: must be a block id')
  })

  it('gives what valibot gives for an array where an object belongs', () => {
    const evidence = samples.find((s) => s.file.startsWith('evidence/'))!
    const withArray = { ...(evidence.data as object), evidence: [] }
    const fast = safeParseData(comparisonEvidenceSchema, withArray)
    expect(fast).toStrictEqual(v.safeParse(comparisonEvidenceSchema, withArray))
    expect(fast.output).toStrictEqual({ ...withArray, evidence: {} })
  })

  it('drops keys the schema does not know, as valibot does', () => {
    const index = samples.find((s) => s.file === 'index.json')!
    const withExtra = { ...(index.data as object), generatedBy: 'a later build' }
    const result = safeParseData(indexSchema, withExtra)
    expect(result.success).toBe(true)
    expect(result.output).not.toHaveProperty('generatedBy')
    expect(result.output).toEqual(index.data)
  })
})
