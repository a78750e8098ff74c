/** examples/ci: the files a user copies use only flags the commands take, and shard the way merge expects. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';

const FILES = ['examples/ci/github-actions.yml', 'examples/ci/gitlab-ci.yml'];

/** Each `dial-kit COMMAND …` invocation of a file, folded YAML lines joined. */
function invocations(text: string): { command: string; flags: string[] }[] {
  const joined = text.replace(/\n\s+(?=--|\|\|)/g, ' ');
  return [...joined.matchAll(/npx dial-kit (\w+)([^\n]*)/g)].map((match) => ({
    command: match[1] as string,
    flags: [...(match[2] ?? '').matchAll(/\s(--[a-z-]+)/g)].map((flag) => flag[1] as string),
  }));
}

describe('examples/ci', () => {
  for (const file of FILES) {
    it(`${file}: shards with one seed, merges, and every flag is one the command takes`, () => {
      const text = readFileSync(file, 'utf8');
      const found = invocations(text);
      expect(found.map((one) => one.command)).toEqual(['generator', 'merge']);
      for (const { command, flags } of found) {
        const usage = COMMANDS.find((candidate) => candidate.name === command)?.usage ?? '';
        for (const flag of flags) expect(usage, `${command} ${flag}`).toContain(flag);
      }
      const shard = found[0]?.flags ?? [];
      expect(shard).toEqual(expect.arrayContaining(['--seed', '--runs', '--shard', '--json']));
      expect(text).toMatch(/\|\| \[ \$\? -eq 1 \]/);
    });
  }
});
