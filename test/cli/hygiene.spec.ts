import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { printable } from '../../src/cli/printable.js';
import { cli, fixture, type CliRun } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** The CLI with a standard input that says it is a terminal (isTTY), holding `typed`. */
async function onTerminal(argv: readonly string[], typed = ''): Promise<CliRun> {
  const stdin = Object.assign(Readable.from([Buffer.from(typed)]), { isTTY: true });
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await runCli(argv, { stdin, stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** One sentence and the usage line at most, never a stack trace or an internal error. */
function expectUsageError(run: CliRun, sentence: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(sentence);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

const SEED = '<Response><Dial>415-123-4567</Dial></Response>';

describe('dial-kit --version', () => {
  it('prints the package version, exit 0', async () => {
    const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `twiml-dial-kit ${version}\n`, stderr: '' });
    expect((await cli(['-V'])).stdout).toBe(`twiml-dial-kit ${version}\n`);
  });
});

describe('a --replay typo is a usage error, checked before anything runs', () => {
  it('generator, endpoint and interpreter', async () => {
    expectUsageError(await cli(['generator', '--replay', '1:x']), /^dial-kit generator: --replay takes the path printed in a finding's replay line \(numbers separated by colons, 0\*5 for a run\), not "1:x"\n/);
    // The URL is never contacted: the typo is found first.
    const endpoint = await cli(['endpoint', 'http://127.0.0.1:1/voice', '--seed', '1', '--replay', '1:x']);
    expectUsageError(endpoint, /^dial-kit endpoint: --replay takes the path .* not "1:x"\n/);
    // The driver is never started either.
    const interpreter = await cli(['interpreter', '--seed', '1', '--replay', '0*0', '--stdio', '--', 'no-such-driver']);
    expectUsageError(interpreter, /^dial-kit interpreter: --replay takes the path .* not "0\*0"\n/);
  });
});

describe('--allow-origin', () => {
  it('refuses a scheme other than http and https', async () => {
    const run = await cli(['endpoint', 'http://127.0.0.1:1/voice', '--allow-origin', 'ftp://x']);
    expectUsageError(run, /^dial-kit endpoint: --allow-origin "ftp:\/\/x" must be an http or https URL, not ftp\n/);
    expectUsageError(await cli(['endpoint', 'http://127.0.0.1:1/voice', '--allow-origin', 'nope']), /is not an absolute URL/);
  });
});

describe('validate, canonical and interpret on a terminal', () => {
  it('refuse to wait silently when no FILE is given', async () => {
    for (const argv of [['validate'], ['canonical'], ['interpret', '--url', 'http://example.com/x.xml']]) {
      const run = await onTerminal(argv, SEED);
      expectUsageError(run, /^dial-kit \w+: no FILE was given and standard input is a terminal: give the document as FILE, pipe it in, or pass - to type it\n/);
    }
  });

  it('with -, say what they wait for and how to end it, then read it', async () => {
    const run = await onTerminal(['validate', '-'], SEED);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('dial-kit validate: reading the document from the terminal; end it with Ctrl-D (Ctrl-Z then Enter on Windows)\n');
    expect(run.stdout).toBe('0 errors, 0 warnings — valid\n');
  });

  it('read a pipe as before, without a notice', async () => {
    expect(await cli(['validate'], SEED)).toEqual({ code: 0, stdout: '0 errors, 0 warnings — valid\n', stderr: '' });
  });
});

describe('error sentences never carry raw control bytes', () => {
  it('escapes them in a usage error', async () => {
    const run = await cli(['validate', '--\u001b[31m\u0001']);
    expectUsageError(run, /^dial-kit validate: Unknown option '--\\x1b\[31m\\x01'\n/);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('escapes them in a file name and an unknown command', async () => {
    const run = await cli(['validate', 'no\u0007such\u009b.xml']);
    expect(run.stderr).toBe('dial-kit validate: cannot read no\\x07such\\x9b.xml: no such file\n');
    expect((await cli(['\u001b]0;x\u0007'])).stderr).toMatch(/^dial-kit: unknown command "\\u001b\]0;x\\u0007"/);
  });

  it('printable keeps text, tabs and pairs; escapes C0, DEL, C1 and lone surrogates', () => {
    expect(printable('a\tb é 😀')).toBe('a\tb é 😀');
    expect(printable('\u0000\n\u007f\u0085\ud800x\udc00')).toBe('\\x00\\x0a\\x7f\\x85\\ud800x\\udc00');
  });
});

describe('one seed range for every command', () => {
  const commands: readonly (readonly string[])[] = [
    ['sample', '--count', '1'],
    ['interpret', fixture('basic.xml'), '--url', 'http://example.com/x.xml'],
    ['generator', '--runs', '1'],
    ['endpoint', 'http://127.0.0.1:1/voice'],
    ['demo'],
  ];

  it('refuses the same values with the same sentence', async () => {
    for (const argv of commands) {
      for (const seed of ['2147483648', '-2147483649', '1.5']) {
        const run = await cli([...argv, '--seed', seed]);
        expectUsageError(run, new RegExp(`^dial-kit ${argv[0]}: --seed must be a whole number from -2147483648 to 2147483647, not "${seed.replace('.', '\\.')}"\\n`));
      }
    }
  });

  it('accepts both ends of the range', async () => {
    for (const seed of ['-2147483648', '2147483647']) {
      expect((await cli(['sample', '--count', '1', '--seed', seed])).code).toBe(0);
      expect((await cli(['interpret', fixture('basic.xml'), '--url', 'http://example.com/x.xml', '--seed', seed])).code).toBe(0);
      expect((await cli(['generator', '--runs', '1', '--only', 'valid', '--seed', seed])).code).toBe(0);
    }
  });
});

describe('the package', () => {
  it('has the MIT LICENSE package.json names', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    const license = readFileSync(`${root}LICENSE`, 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} The twiml-dial-kit authors\n/);
  });

  it('ships source maps that need no file it does not ship', async () => {
    if (!existsSync(`${root}dist/src/index.js.map`)) expect.fail('dist/ is missing: run `npm run build` (npm test does) before this test');
    const listing = await new Promise<string>((resolve, reject) => {
      execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, timeout: 120_000 }, (error, stdout) => (error === null ? resolve(stdout) : reject(error)));
    });
    const files = new Set((JSON.parse(listing) as [{ files: { path: string }[] }])[0].files.map((file) => file.path));
    expect(files.has('LICENSE')).toBe(true);
    const maps = [...files].filter((path) => path.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(50);
    const unresolved: string[] = [];
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(`${root}${map}`, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      sources.forEach((source, index) => {
        const shipped = files.has(posix.normalize(posix.join(posix.dirname(map), source)));
        if (!shipped && typeof sourcesContent?.[index] !== 'string') unresolved.push(`${map} -> ${source}`);
      });
    }
    expect(unresolved).toEqual([]);
  });
});
