/** The rule table and the code agree: every id the code cites is in the table, and every table entry is cited by the code. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTERPRET_RULES, OPTION_DOCS, DEFAULT_OPTIONS } from '../../reference/index.js';

const dir = new URL('../../reference/interpret/', import.meta.url);
const code = readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'interpretRules.ts').map((name) => readFileSync(new URL(name, dir), 'utf8')).join('\n');
const cited = new Set([...code.matchAll(/rules? (interp\.[a-z0-9.-]+)(?:, (interp\.[a-z0-9.-]+))?/g)].flatMap((match) => [match[1], match[2]]).filter((id): id is string => id !== undefined));
const noted = new Set([...code.matchAll(/['`](interp\.[a-z0-9.-]+):/g)].map((match) => match[1] as string));

describe('INTERPRET_RULES', () => {
  const ids = INTERPRET_RULES.map((rule) => rule.id);
  it('has unique ids, each with a source', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of INTERPRET_RULES) expect(rule.source.length).toBeGreaterThan(0);
  });
  it('holds every rule id the code cites and every assumption-note prefix', () => {
    expect([...cited, ...noted].filter((id) => !ids.includes(id))).toEqual([]);
  });
  it('cites nothing the code does not apply', () => {
    expect(ids.filter((id) => !cited.has(id) && !noted.has(id))).toEqual([]);
  });
  it('OPTION_DOCS documents every option with its default', () => {
    for (const name of Object.keys(DEFAULT_OPTIONS)) expect(OPTION_DOCS.map((doc) => doc.name)).toContain(name);
  });
});
