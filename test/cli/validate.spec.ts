import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.js';

const WARNING_ONLY = '<Response><Dial timeout="2">+14155550100</Dial></Response>';
const WITH_ERROR = '<Response><Dial>+14155550100</Dial></Foo>';

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dial-kit-cli-')), name);
  writeFileSync(path, text);
  return path;
}

describe('dial-kit validate', () => {
  it('exits 0 on a seed example and says it is valid', async () => {
    const run = await cli(['validate', fixture('caller-id.xml')]);
    expect(run).toEqual({ code: 0, stdout: '0 errors, 0 warnings — valid\n', stderr: '' });
  });

  it('reads standard input for "-" and for no file at all', async () => {
    expect((await cli(['validate', '-'], WARNING_ONLY)).code).toBe(0);
    expect((await cli(['validate'], WITH_ERROR)).code).toBe(1);
  });

  it('exits 0 on warnings alone, printing each, and 1 with --strict', async () => {
    const run = await cli(['validate', '-'], WARNING_ONLY);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'warning 13212 dial.timeout.range /Response/Dial[1]/@timeout: timeout="2" on <Dial>: must be a whole number from 5 to 600, written with digits only\n0 errors, 1 warning — valid\n',
    );
    expect((await cli(['validate', '-', '--strict'], WARNING_ONLY)).code).toBe(1);
  });

  it('exits 1 on an error, with line and column of malformed XML', async () => {
    const run = await cli(['validate', '-'], WITH_ERROR);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error 12100 xml\.malformed \/: .*line 1, column 36\n1 error, 0 warnings\n$/);
  });

  it('prints the result as JSON with --json', async () => {
    const run = await cli(['validate', '--json', '-'], WARNING_ONLY);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: true,
      errors: 0,
      warnings: 1,
      diagnostics: [
        {
          ruleId: 'dial.timeout.range',
          severity: 'warning',
          code: 13212,
          path: '/Response/Dial[1]/@timeout',
          message: expect.stringContaining('timeout="2"'),
        },
      ],
    });
    expect(JSON.parse((await cli(['validate', '--json', '--strict', '-'], WARNING_ONLY)).stdout).valid).toBe(false);
  });

  it('passes the validator options on', async () => {
    const long = '<Response><Dial timeLimit="86400">+14155550100</Dial></Response>';
    expect((await cli(['validate', '--strict', '-'], long)).code).toBe(1);
    expect((await cli(['validate', '--strict', '--allow-24h', '-'], long)).code).toBe(0);
    const mixed = '<Response><Dial>+14155550100<Number>+14155550101</Number></Dial></Response>';
    expect((await cli(['validate', '--strict', '-'], mixed)).code).toBe(1);
    expect((await cli(['validate', '--strict', '--combinations', 'documented', '-'], mixed)).code).toBe(0);
    expect((await cli(['validate', '--max-bytes', '20', '-'], WARNING_ONLY)).stdout).toContain('xml.size');
    const queue = `<Response><Dial><Queue>${'q'.repeat(64)}</Queue></Dial></Response>`;
    expect((await cli(['validate', '--strict', '-'], queue)).code).toBe(1);
    expect((await cli(['validate', '--strict', '--queue-name-limit', '64-or-less', '-'], queue)).code).toBe(0);
  });

  it('exits 2 with one sentence, no stack trace, for a file that does not exist', async () => {
    const run = await cli(['validate', '/nonexistent/twiml.xml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dial-kit validate: cannot read /nonexistent/twiml.xml: no such file\n');
  });

  it('exits 2 for a directory and for a file that is not UTF-8', async () => {
    const directory = await cli(['validate', tmpdir()]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toMatch(/^dial-kit validate: cannot read .*: it is a directory\n$/);
    const latin1 = tempFile('latin1.xml', '');
    writeFileSync(latin1, Buffer.from([0x3c, 0x52, 0xe9, 0x3e]));
    const run = await cli(['validate', latin1]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`dial-kit validate: ${latin1} is not valid UTF-8 text\n`);
  });

  it('exits 2 for an unknown flag, a bad option value, or two files', async () => {
    const argvs = [
      ['validate', '--bogus'],
      ['validate', '--combinations', 'loose', '-'],
      ['validate', '--max-bytes', 'ten', '-'],
      ['validate', '--queue-name-limit', '65', '-'],
      ['validate', 'a.xml', 'b.xml'],
    ];
    for (const argv of argvs) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      const [sentence, usage] = run.stderr.trimEnd().split('\n');
      expect(sentence).toMatch(/^dial-kit validate: \S.*[^.]$/);
      expect(usage).toMatch(/^usage: dial-kit validate /);
      expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
});

describe('dial-kit canonical', () => {
  it('prints the canonical XML of a seed example', async () => {
    const run = await cli(['canonical', fixture('method-get.xml')]);
    expect(run).toEqual({
      code: 0,
      stdout: '<?xml version="1.0" encoding="UTF-8"?><Response><Dial action="/handleDialCallStatus" method="GET">\n415-123-4567\n</Dial><Say>I am unreachable</Say></Response>\n',
      stderr: '',
    });
  });

  it('orders attributes by the spec table and escapes what must be escaped', async () => {
    const run = await cli(['canonical', '-'], `<Response>\n  <Dial timeout="10" action="/a?x=1&amp;y=2" zeta="&quot;" alpha="'">\n    <Number>+14155550100</Number>\n  </Dial>\n</Response>`);
    expect(run.stdout).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Dial action="/a?x=1&amp;y=2" timeout="10" alpha="'" zeta="&quot;"><Number>+14155550100</Number></Dial></Response>\n`,
    );
  });

  it('exits 2 with one sentence for input that is not well-formed', async () => {
    const run = await cli(['canonical', fixture('refer-url.verbatim.xml')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dial-kit canonical: the input is not well-formed TwiML: a bare "&" must be written &amp; at line 3, column 79\n');
  });
});

describe('dial-kit rules', () => {
  it('lists every rule with severity, code and source, then the count', async () => {
    const run = await cli(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ rules$/);
    expect(lines.find((line) => line.startsWith('dial.timeout.range '))).toMatch(/^dial\.timeout\.range +warning +13212 +.*\(seed §timeout/);
    expect(lines.find((line) => line.startsWith('dial.sip.count '))).toContain('[only with --combinations conservative]');
    expect(lines).toHaveLength(Number(lines.at(-1)?.split(' ')[0]) + 1);
  });

  it('prints the rules as JSON with --json', async () => {
    const run = await cli(['rules', '--json']);
    const rules = JSON.parse(run.stdout) as { id: string; severity: string; code: number; source: string; gate: string }[];
    expect(rules.find((rule) => rule.id === 'xml.malformed')).toMatchObject({ severity: 'error', code: 12100, gate: 'always' });
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });

  it('takes no file', async () => {
    expect((await cli(['rules', 'extra'])).code).toBe(2);
  });

  it('prints the traceability table with --sources: the sources, a block per row, the counts', async () => {
    const run = await cli(['rules', '--sources']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Sources:');
    expect(lines).toContain('seed §timeout buffer  "Twilio always adds a five-second timeout buffer"');
    expect(lines[lines.indexOf('seed §timeout buffer  "Twilio always adds a five-second timeout buffer"') + 1]).toBe(
      '    interpret interp.timeout.buffer; options interpret.timeoutBuffer',
    );
    expect(lines.at(-1)).toMatch(/^\d+ rows \(seed \d+, facts \d+, pages \d+\) quoting \d+ fragments; \d+ modelled/);
  });

  it('prints the traceability table as JSON with --sources --json', async () => {
    const run = await cli(['rules', '--sources', '--json']);
    const table = JSON.parse(run.stdout) as { sources: { seed: { key: string }[]; pages: { url: string; retrieved: string }[] }; rows: { kind: string; section: string }[]; counts: { rows: number } };
    expect(table.sources.seed.map((section) => section.key)).toContain('timeout');
    expect(new Set(table.sources.pages.map((page) => page.retrieved))).toEqual(new Set(['2026-12-01', '2026-12-02']));
    expect(table.counts.rows).toBe(table.rows.length);
  });
});

/** Pinned output: a change in a message, a rule id or the rule list is a reviewed change of this snapshot. */
describe('pinned CLI output', () => {
  it('validate on a document breaking several rules', async () => {
    const xml = '<Response>\n  <Dial timeout="2" record="yes" callerId="client:joey">\n    <Number>+14155550100</Number>\n    <Say>hi</Say>\n  </Dial>\n</Response>\n';
    expect(await cli(['validate', '-'], xml)).toMatchSnapshot();
  });

  it('rules', async () => {
    expect((await cli(['rules'])).stdout).toMatchSnapshot();
  });
});
