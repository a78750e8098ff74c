import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering of shared/STYLE.md ("How this kit is laid out"), read from the import lines:
 * src/model is a leaf, reference/ is pure, src/arbitraries does not reach into targets or the CLI.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Layer {
  readonly folder: string;
  /** May this file (path from the project root) import this specifier, resolved to a project path when relative? */
  readonly allows: (target: string) => boolean;
  readonly rule: string;
}

const insideModel = (target: string): boolean => target.startsWith('src/model/');
const REFERENCE_FORBIDDEN = ['fast-check', 'undici', 'node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:net', 'node:child_process', 'fs', 'http', 'net', 'child_process'];
const REFERENCE_FORBIDDEN_FOLDERS = ['src/targets/', 'src/check/', 'src/cli/', 'src/arbitraries/', 'properties/'];

const LAYERS: readonly Layer[] = [
  { folder: 'src/model', allows: insideModel, rule: 'src/model imports nothing outside src/model' },
  {
    folder: 'reference',
    allows: (target) => !REFERENCE_FORBIDDEN.includes(target) && !REFERENCE_FORBIDDEN.some((name) => target.startsWith(`${name}/`)) && !REFERENCE_FORBIDDEN_FOLDERS.some((folder) => target.startsWith(folder)),
    rule: 'reference/ is pure: no fast-check, undici, file/network/process modules, targets, check, cli, arbitraries or properties',
  },
  { folder: 'src/arbitraries', allows: (target) => !target.startsWith('src/targets/') && !target.startsWith('src/cli/'), rule: 'src/arbitraries never imports src/targets or src/cli' },
  ...['src/targets', 'src/check', 'src/report'].map((folder) => ({
    folder,
    allows: (target: string) => !target.startsWith('properties/') && !target.startsWith('src/cli/') && !target.startsWith('src/vitest/') && target !== 'vitest',
    rule: `${folder} sees the model and the target interface, never the catalogue (properties/), the CLI, or vitest`,
  })),
  // The vitest entry point is a front end like the CLI: it may use the catalogue, and it is the only source that imports vitest.
  { folder: 'src/vitest', allows: (target) => !target.startsWith('src/cli/'), rule: 'src/vitest never imports the CLI' },
];

/** Every module specifier a file names: static imports and re-exports (type-only too), side-effect imports, import(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** A relative specifier as a path from the project root (posix); a package or node: name as written. */
function resolveSpecifier(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
}

function violations(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    const layer = LAYERS.find((candidate) => file.startsWith(`${candidate.folder}/`));
    if (layer === undefined) continue;
    for (const specifier of specifiers(source)) {
      if (!layer.allows(resolveSpecifier(file, specifier))) found.push(`${file} imports ${specifier}: ${layer.rule}`);
    }
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('architecture (STYLE.md layering)', () => {
  it('holds for every source file of the layered folders', () => {
    const files = new Map<string, string>();
    for (const layer of LAYERS) for (const file of sourceFiles(layer.folder)) files.set(file, readFileSync(join(ROOT, file), 'utf8'));
    expect(files.size).toBeGreaterThan(10);
    expect([...files.keys()].some((file) => file.startsWith('src/model/'))).toBe(true);
    expect([...files.keys()].some((file) => file.startsWith('reference/'))).toBe(true);
    expect(violations(files)).toEqual([]);
  });

  it('catches each kind of forbidden import (the check has teeth)', () => {
    const broken = new Map<string, string>([
      ['src/model/dial.ts', "import type { Diagnostic } from '../../reference/rules.js';"],
      ['src/model/document.ts', "export type Verb = import('../xml/parse.js').Foo;"],
      ['reference/validate.ts', "import {\n  readFileSync,\n} from 'node:fs';"],
      ['reference/values.ts', "import fc from 'fast-check';"],
      ['reference/compare.ts', "import { request } from 'undici';"],
      ['reference/spec/codes.ts', "import type { Finding } from '../../src/check/findings.js';"],
      ['reference/legs.ts', "export { x } from '../properties/catalogue.js';"],
      ['reference/rules.ts', "import '../src/cli/main.js';"],
      ['src/check/runBuilderProperties.ts', "import { builderProperties } from '../../properties/builder.js';"],
      ['src/targets/http/httpClient.ts', "import { runCli } from '../../cli/main.js';"],
      ['src/arbitraries/dialVerb.ts', "import { httpTarget } from '../targets/http.js';"],
      ['src/arbitraries/dialCase.ts', "import type { CliIo } from '../cli/io.js';"],
      ['src/check/findings.ts', "import { test } from 'vitest';"],
      ['src/vitest/reportSuite.ts', "import { write } from '../cli/io.js';"],
    ]);
    expect(violations(broken)).toHaveLength(broken.size);
    const fine = new Map<string, string>([
      ['src/model/dial.ts', "import type { AttributeMap } from './document.js';"],
      ['reference/validate.ts', "import { parseTwiml } from '../src/xml/parse.js';\nimport type { Diagnostic } from '../src/model/diagnostic.js';"],
      ['src/arbitraries/dialVerb.ts', "import fc from 'fast-check';\nimport { RULES } from '../../reference/rules.js';"],
    ]);
    expect(violations(fine)).toEqual([]);
  });
});
