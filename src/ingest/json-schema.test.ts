import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { jsonSchemaFiles, SCHEMA_DIR } from './json-schema'

describe('docs/schema', () => {
  it('holds the JSON Schema generated from the current valibot schemas (run `npm run schema`)', async () => {
    const generated = jsonSchemaFiles()
    expect((await readdir(SCHEMA_DIR)).sort()).toEqual([...generated.keys()].sort())
    for (const [name, text] of generated) {
      // Compared as data, so reformatting the committed files does not matter; any schema change does.
      const committed = JSON.parse(await readFile(path.join(SCHEMA_DIR, name), 'utf8')) as unknown
      expect(committed, name).toEqual(JSON.parse(text))
    }
  })

  it('describes the offsets as UTF-16 code units with an exclusive end', () => {
    const article = JSON.parse(jsonSchemaFiles().get('article.schema.json')!) as { description: string }
    expect(article.description).toMatch(/UTF-16 code units.*end is exclusive/)
  })
})
