import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Assertion {
  readonly fullName: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'pending';
  readonly failureMessages: readonly string[];
}

/** Runs vitest in a process of its own on the fixtures (they fail on purpose), with a JSON report. */
function vitest(args: readonly string[]): Promise<{ code: number | null; assertions: Assertion[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'dial-kit-vitest-'));
  const out = join(dir, 'report.json');
  const argv = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/vitest/fixtures/vitest.config.ts', '--reporter=json', `--outputFile=${out}`, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: root, timeout: 240_000, env: { ...process.env, CI: '1' } }, (error) => {
      const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: Assertion[] }[] };
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, assertions: report.testResults.flatMap((file) => file.assertionResults) });
    });
  });
}

describe('twiml-dial-kit/vitest in a vitest run of its own', () => {
  it('runs only what -t picks, one test per property, and prints failures as the kit findings', async () => {
    // The fixture imports the package by name: the build must be there (npm test builds first).
    if (!existsSync(join(root, 'dist/src/vitest/index.js'))) expect.fail('dist/ is missing: run `npm run build` (npm test does) before this test');
    const { code, assertions } = await vitest(['-t', 'GEN-BUILD-001|no <Dial> has a timeout']);
    expect(code).toBe(1);
    const byName = new Map(assertions.map((assertion) => [assertion.fullName, assertion]));
    expect([...byName.keys()].sort()).toEqual([
      'no <Dial> has a timeout',
      'title-case booleans GEN-BUILD-001: a valid <Dial> document is built into XML Twilio reads the same way',
      'title-case booleans GEN-BUILD-002: a document that breaks a rule is refused or written exactly as asked, never silently changed',
      'title-case booleans GEN-BUILD-003: a document holding a character XML cannot carry is refused, never written raw or silently changed',
    ]);
    // -t filters by property id: GEN-BUILD-002 is not run.
    expect(byName.get('title-case booleans GEN-BUILD-002: a document that breaks a rule is refused or written exactly as asked, never silently changed')?.status).toBe('skipped');

    const builder = byName.get('title-case booleans GEN-BUILD-001: a valid <Dial> document is built into XML Twilio reads the same way');
    expect(builder?.status).toBe('failed');
    const finding = builder?.failureMessages.join('\n') ?? '';
    expect(finding).toMatch(/^FAIL {2}GEN-BUILD-001 {2}a valid <Dial> document/m);
    expect(finding).toMatch(/^FINDING GEN-BUILD-001 \(seed §Attributes, §Nouns; .*\) fingerprint [0-9a-f]{16}$/m);
    expect(finding).toMatch(/expected "true", got "True" {2}\[dial\.\w+; /);
    expect(finding).toMatch(/Replay: dialKit\.generator\("title-case booleans", \{ …, seed: 9, only: 'valid', replayPath: '[\d:*]+' \}\)/);
    // The kit's own frames are not printed around the findings.
    expect(finding).not.toMatch(/\n\s+at .*reportSuite/);

    const prop = byName.get('no <Dial> has a timeout');
    expect(prop?.status).toBe('failed');
    const message = prop?.failureMessages.join('\n') ?? '';
    expect(message).toMatch(/^DialKitFindingsError: test\.prop "no <Dial> has a timeout" failed after \d+ runs \(\d+ shrinks\)/);
    // A document counterexample is shown as its XML, shrunk to one <Dial> with a timeout.
    expect(message).toMatch(/Shrunk counterexample:\n {2}1\. <\?xml version="1\.0" encoding="UTF-8"\?><Response><Dial timeout="\d+">/);
    expect(message).toMatch(/Replay: pass \{ seed: 5, path: "[\d:]+" \} as test\.prop's second argument/);
  });
});
