/**
 * A fast path for validating data files against the valibot schemas in schema.ts.
 *
 * `v.safeParse` builds a dataset object and a fresh output copy for every value it visits. A comparison
 * of two long articles has thousands of values, and the first time valibot's functions run they are not
 * yet compiled, so checking those files is a large part of opening a comparison on a slow phone. A data
 * file that is well formed (the usual case: the build wrote it) needs no copy and no issues, only a yes.
 *
 * `compileCheck(schema)` turns a schema into a plain predicate: true when the value matches the schema
 * and valibot's output would be the value itself, key for key (no unknown keys, which valibot drops).
 * `safeParseData` uses it and falls back to `v.safeParse` whenever the answer is no, so a bad file gets
 * exactly valibot's issue, and a valid file with extra keys gets valibot's output without them.
 *
 * The predicate mirrors valibot's own `~run` functions (valibot/dist/index.mjs) for the schema and action
 * types the schemas use. Any other type throws when the schema is compiled, so a schema that starts using
 * one fails its tests rather than being checked wrongly (test/schema-check.test.ts compiles every data file
 * schema and compares verdicts with valibot's on valid and mutated files).
 *
 * Kept for speed: see docs/decisions/0021-schema-check.md.
 */
import * as v from 'valibot'

type Check = (value: unknown) => boolean

/** The parts of a valibot schema or action this module reads; valibot's public types hide them. */
type Node = {
  kind: 'schema' | 'validation' | 'transformation' | 'metadata'
  type: string
  async?: boolean
  pipe?: readonly Node[]
  entries?: Record<string, Node>
  item?: Node
  key?: Node
  value?: Node
  wrapped?: Node
  default?: unknown
  fallback?: unknown
  options?: readonly unknown[]
  literal?: unknown
  requirement?: unknown
}

/** Keys valibot never copies from a record (see its `_isValidObjectKey`). */
const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor'])

/**
 * An object whose keys valibot would copy as they are. Valibot's object and record take arrays too, but
 * give back a new plain object (an array as an object with optional keys, say, comes out as `{}`): not the
 * input, so not the fast path.
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

function unsupported(node: Node): never {
  throw new Error(
    `schema-check: valibot ${node.kind} "${node.type}" is not supported; add it or use v.safeParse`,
  )
}

function compileAction(action: Node): Check {
  const requirement = action.requirement
  switch (action.type) {
    case 'min_length': {
      const min = requirement as number
      return (value) => (value as { length: number }).length >= min
    }
    case 'max_length': {
      const max = requirement as number
      return (value) => (value as { length: number }).length <= max
    }
    case 'min_value': {
      const min = requirement as number
      return (value) => (value as number) >= min
    }
    case 'max_value': {
      const max = requirement as number
      return (value) => (value as number) <= max
    }
    case 'regex': {
      const pattern = requirement as RegExp
      return (value) => pattern.test(value as string)
    }
    case 'safe_integer':
    case 'check': {
      const test = requirement as (value: unknown) => boolean
      return (value) => Boolean(test(value))
    }
    default:
      return unsupported(action)
  }
}

function compileObject(node: Node): Check {
  const entries = Object.entries(node.entries ?? {}).map(([key, schema]) => ({
    key,
    // Throws for an optional entry with a default (valibot would fill it in: an output that differs).
    check: compileNode(schema),
    // Valibot leaves it out when missing.
    optional: schema.type === 'optional',
  }))
  // Plain arrays and indexed loops: these run once per value of a file, mostly before the engine has
  // compiled them, and the interpreter is much slower at iterators and for...in than at indexing.
  const keys = entries.map((e) => e.key)
  const checks = entries.map((e) => e.check)
  const optional = entries.map((e) => e.optional)
  const count = keys.length
  return (value) => {
    if (!isPlainObject(value)) return false
    let present = 0
    for (let i = 0; i < count; i++) {
      const key = keys[i]!
      if (key in value) {
        if (!checks[i]!(value[key])) return false
        present++
      } else if (!optional[i]) return false
    }
    // Valibot's output has only the schema's keys: with any other, the output is not the input. (No schema
    // key is one every object inherits, such as "toString", so `in` above counted own keys only.)
    return Object.keys(value).length === present
  }
}

function compileRecord(node: Node): Check {
  const checkKey = compileNode(node.key!)
  const checkValue = compileNode(node.value!)
  return (value) => {
    if (!isPlainObject(value)) return false
    for (const key in value) {
      // Inherited and unsafe keys are skipped by valibot (so its output lacks them): not the fast path.
      if (!Object.prototype.hasOwnProperty.call(value, key) || UNSAFE_KEYS.has(key)) return false
      if (!checkKey(key) || !checkValue(value[key])) return false
    }
    return true
  }
}

function compileBase(node: Node): Check {
  switch (node.type) {
    case 'string':
      return (value) => typeof value === 'string'
    case 'number':
      return (value) => typeof value === 'number' && !Number.isNaN(value)
    case 'literal': {
      const literal = node.literal
      return (value) => value === literal || (Number.isNaN(value) && Number.isNaN(literal))
    }
    case 'picklist': {
      const options = node.options ?? []
      return (value) => options.includes(value)
    }
    case 'nullable': {
      if (node.default !== undefined) return unsupported({ ...node, type: 'nullable with a default' })
      const wrapped = compileNode(node.wrapped!)
      return (value) => value === null || wrapped(value)
    }
    case 'optional': {
      if (node.default !== undefined) return unsupported({ ...node, type: 'optional with a default' })
      const wrapped = compileNode(node.wrapped!)
      return (value) => value === undefined || wrapped(value)
    }
    case 'array': {
      const item = compileNode(node.item!)
      return (value) => {
        if (!Array.isArray(value)) return false
        for (let i = 0; i < value.length; i++) if (!item(value[i])) return false
        return true
      }
    }
    case 'object':
      return compileObject(node)
    case 'record':
      return compileRecord(node)
    default:
      return unsupported(node)
  }
}

function compileNode(node: Node): Check {
  if (node.async) return unsupported({ ...node, type: `async ${node.type}` })
  // A fallback replaces a bad or missing value: valibot's output would not be the input.
  if (node.fallback !== undefined) return unsupported({ ...node, type: `${node.type} with a fallback` })
  if (node.kind !== 'schema') return unsupported(node)
  if (!node.pipe) return compileBase(node)
  // A pipe: its first item is the schema, then actions (and perhaps nested schemas) in order.
  const steps = node.pipe
    .filter((item) => item.kind !== 'metadata')
    .map((item) => {
      if (item.kind === 'transformation') return unsupported(item)
      return item.kind === 'schema' ? compileNode(item) : compileAction(item)
    })
  return allOf(steps)
}

/** Every check in order, stopping at the first no (pipes have one to four). */
function allOf(checks: Check[]): Check {
  const [a, b, c] = checks
  switch (checks.length) {
    case 1:
      return a!
    case 2:
      return (value) => a!(value) && b!(value)
    case 3:
      return (value) => a!(value) && b!(value) && c!(value)
    default:
      return (value) => {
        for (let i = 0; i < checks.length; i++) if (!checks[i]!(value)) return false
        return true
      }
  }
}

const compiled = new WeakMap<object, Check>()

/** The predicate for `schema` (compiled once). Throws if the schema uses a type this module does not mirror. */
export function compileCheck(schema: v.GenericSchema): Check {
  let check = compiled.get(schema)
  if (!check) {
    check = compileNode(schema as unknown as Node)
    compiled.set(schema, check)
  }
  return check
}

/**
 * `v.safeParse(schema, input)`, quicker for valid input: the input itself is the output when it matches
 * exactly; otherwise valibot decides (with its issues, or its output without unknown keys).
 */
export function safeParseData<S extends v.GenericSchema>(schema: S, input: unknown): v.SafeParseResult<S> {
  if (compileCheck(schema)(input)) {
    return { typed: true, success: true, output: input as v.InferOutput<S>, issues: undefined }
  }
  return v.safeParse(schema, input)
}
