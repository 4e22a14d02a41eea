/**
 * JSON Schema for every data file, generated from the valibot schemas (the single source of truth) with
 * @valibot/to-json-schema, into docs/schema/. Run `npm run schema` after changing src/core/schema.ts; a
 * unit test fails while the committed files are out of date.
 *
 * What JSON Schema cannot say is left to the valibot schemas: refinements (`v.check`) such as "end is not
 * before start" and "an http or https URL" are checked by the build and the app, not by these files.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { toJsonSchema, type ConversionConfig } from '@valibot/to-json-schema'
import {
  articleSchema,
  comparisonEvidenceSchema,
  comparisonSchema,
  indexSchema,
  peopleSchema,
  searchDocumentsSchema,
  sourcesSchema,
} from '../core/schema'
import { PROJECT_ROOT } from './corpus'

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'docs', 'schema')

const FILES = [
  {
    name: 'article.schema.json',
    schema: articleSchema,
    title: 'Parallax article (data/articles/<id>.json)',
    description:
      'One article. Offsets (start, end) are UTF-16 code units into the text of the block named by paragraphId (headline, deck or p1, p2, ...); end is exclusive.',
  },
  {
    name: 'index.schema.json',
    schema: indexSchema,
    title: 'Parallax index (data/index.json)',
    description: 'Stories newest first and article summaries newest first; unknown dates last.',
  },
  {
    name: 'comparison.schema.json',
    schema: comparisonSchema,
    title: 'Parallax comparison (data/compare/<leftId>--<rightId>.json)',
    description: 'Links between two articles of the same story, and what only one side has.',
  },
  {
    name: 'evidence.schema.json',
    schema: comparisonEvidenceSchema,
    title: 'Parallax link evidence (data/evidence/<leftId>--<rightId>.json)',
    description:
      'Why each link of the comparison file of the same name was made, by link id: read when a reader asks.',
  },
  {
    name: 'search.schema.json',
    schema: searchDocumentsSchema,
    title: 'Parallax search documents (data/search.json)',
    description: 'Headline, deck and body text of every article, for the library search.',
  },
  {
    name: 'people.schema.json',
    schema: peopleSchema,
    title: 'Parallax register of people (data/people.json)',
    description:
      'One entry per person across the corpus, whatever each outlet calls them; speakers refer to it by `person`.',
  },
  {
    name: 'sources.schema.json',
    schema: sourcesSchema,
    title: 'Parallax corpus metadata (corpus/sources.json)',
    description: 'What the raw texts do not say: outlet, source URL, story. Unknown is null.',
  },
] as const

const CONVERSION: ConversionConfig = {
  target: 'draft-2020-12',
  // Refinements are code; the comment above says where they are enforced.
  ignoreActions: ['check'],
  overrideSchema: ({ valibotSchema, jsonSchema }) => {
    // `v.object` drops unknown keys, so a file the build writes (or the app keeps) never has any: say so.
    if (valibotSchema.type === 'object') return { ...jsonSchema, additionalProperties: false }
    // The shorter, equally exact forms, so a reader sees `"type": ["string", "null"]` for a nullable string.
    if (valibotSchema.type === 'literal' && typeof jsonSchema.const === 'number')
      return { type: 'number', ...jsonSchema }
    if (valibotSchema.type === 'nullable' && Object.keys(jsonSchema).join() === 'anyOf') {
      const inner = jsonSchema.anyOf?.[0]
      if (typeof inner === 'object' && Object.keys(inner).join() === 'type' && typeof inner.type === 'string')
        return { type: [inner.type, 'null'] }
    }
    return undefined
  },
}

/** File name -> JSON text, exactly as committed under docs/schema/. */
export function jsonSchemaFiles(): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of FILES) {
    const generated = toJsonSchema(f.schema, CONVERSION) as Record<string, unknown>
    const { $schema, ...rest } = generated
    const document = { $schema, title: f.title, description: f.description, ...rest }
    out.set(f.name, `${JSON.stringify(document, null, 2)}\n`)
  }
  return out
}

async function main(): Promise<void> {
  await mkdir(SCHEMA_DIR, { recursive: true })
  for (const [name, text] of jsonSchemaFiles()) await writeFile(path.join(SCHEMA_DIR, name), text, 'utf8')
  console.log(
    `json-schema: wrote ${jsonSchemaFiles().size} files to ${path.relative(process.cwd(), SCHEMA_DIR)}`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main()
