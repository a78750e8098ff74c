/**
 * The HTML report: one self-contained page that loads nothing, escapes everything, and reads well in a
 * real browser. The screenshot needs Debian's `chromium` (headless); without it that test says so and skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGenerator } from '../../properties/checkGenerator.js';
import type { RunReport } from '../../src/check/findings.js';
import { htmlReport } from '../../src/report/htmlReport.js';
import { moduleTarget } from '../../src/targets/builder/moduleTarget.js';

const OUT = fileURLToPath(new URL('../../.test-output/', import.meta.url));
const HOSTILE = '<script>alert("x")</script><img src="https://evil.example/x.png" onerror="alert(1)">\u0001\r&amp;';

/** An endpoint report by hand, with hostile text wherever a target's words end up. */
const endpointReport: RunReport = {
  tool: 'twiml-dial-kit',
  version: '0.1.0',
  mode: 'endpoint',
  target: 'http://127.0.0.1:3000/voice',
  seed: 5,
  runs: 30,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5900,
  properties: [
    { id: 'EP-ANSWER', title: 'every request gets a complete HTTP answer', source: 'facts §5', status: 'passed', runs: 30, findings: [], durationMs: 5900 },
    {
      id: 'EP-STATUS',
      title: `TwiML requests are answered with HTTP 200 ${HOSTILE}`,
      source: 'facts §1.3 11200',
      status: 'failed',
      runs: 1,
      durationMs: 5900,
      findings: [
        {
          propertyId: 'EP-STATUS',
          title: 'TwiML requests are answered with HTTP 200',
          source: 'facts §1.3 11200',
          severity: 'error',
          summary: `step 1 (action): the action request was answered 500 ${HOSTILE}`,
          counterexample: { story: { initialParams: { CallerName: HOSTILE } }, answer: { status: 500, bodyStart: HOSTILE } },
          steps: [
            'step 1 voice: POST http://127.0.0.1:3000/voice -> 200 (text/xml), 220 bytes',
            'step 1 statusCallback: POST http://127.0.0.1:3000/status?x=<b>&y="1" -> 204 (no Content-Type), 0 bytes',
            'step 1 action: POST http://127.0.0.1:3000/dial-status -> 500 (text/plain), 36 bytes',
            `reproduce the request: curl -sS -X POST 'http://127.0.0.1:3000/dial-status' --data-raw 'CallerName=${HOSTILE}'`,
          ],
          expected: 'TwiML requests are answered with HTTP 200',
          actual: `HTTP 500 (text/plain): ${JSON.stringify(HOSTILE)}`,
          replay: 'dial-kit endpoint http://127.0.0.1:3000/voice --seed 5 --replay 3:1',
          fingerprint: 'c2224c2bfc34b422',
        },
      ],
    },
  ],
  coverage: { attributes: { 'Dial.action': 30, 'Dial.timeout': 30, [`Dial.${HOSTILE}`]: 1 }, nouns: { Number: 30 }, rules: {}, outcomes: { busy: 12, completed: 18 } },
  findingCount: 1,
};

async function generatorReport(): Promise<RunReport> {
  const target = await moduleTarget({ module: 'test/generator/fixtures/clampingBuilder.mjs', exportPath: 'VoiceResponse' });
  try {
    // The first finding only, so the run stops early and leaves some attributes never produced.
    return await checkGenerator({ target, runs: 100, seed: 11, maxFindings: 1 });
  } finally {
    await target.close();
  }
}

/** Every URL the page would fetch or go to: src, href, srcset, action, poster, data attributes of its tags, and CSS url(). */
function urlsIn(html: string): string[] {
  const found: string[] = [];
  // Escaped text never holds a raw '<', so each match is a real tag; its attributes are read whole, quoted values included.
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const match of tag.matchAll(/([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = (match[1] ?? '').toLowerCase();
      if (['src', 'href', 'srcset', 'action', 'poster', 'data', 'formaction'].includes(name)) found.push((match[2] ?? '').replace(/^["']|["']$/g, ''));
    }
  }
  for (const match of html.matchAll(/url\(\s*([^)]*)\)/gi)) found.push(match[1] ?? '');
  return found;
}

function chromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return undefined;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('htmlReport', () => {
  it('loads nothing: a CSP that allows no fetch, no script, no http(s) URL anywhere a page would fetch or go', () => {
    for (const html of [htmlReport(endpointReport)]) {
      expect(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`)).toBe(true);
      expect(/<script|<link|<iframe|<object|<embed|@import|@font-face/i.test(html)).toBe(false);
      const urls = urlsIn(html);
      expect(urls).toContain('#finding-2-1');
      for (const url of urls) expect(url, url).toMatch(/^#/);
    }
  });

  it('escapes every piece of hostile text and shows control characters as escapes', () => {
    const html = htmlReport(endpointReport);
    // Booleans, not toContain: a failure must not print the whole page.
    expect(html.includes('<script>alert')).toBe(false);
    expect(html.includes('<img')).toBe(false);
    expect(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')).toBe(true);
    expect(html.includes('&amp;amp;')).toBe(true);
    expect(/[\u0000-\u0008\u000b-\u001f]/.test(html)).toBe(false);
    expect(html.includes('\\u{1}')).toBe(true);
  });

  it('draws the endpoint call as requests and answers, the failing answer marked', () => {
    const html = htmlReport(endpointReport);
    expect(html.match(/class="msg right/g)?.length).toBe(3);
    expect(html.match(/class="msg left failing/g)?.length).toBe(1);
    expect(html.includes('<span class="label">POST /status?x=%3Cb%3E&amp;y=%221%22</span>')).toBe(true);
    expect(html.includes('<span class="label">500 (text/plain), 36 bytes</span>')).toBe(true);
  });

  it('shows coverage as attribute × noun × outcome: each cell says how the <Dial>s holding it ended', () => {
    const html = htmlReport({
      ...endpointReport,
      coverage: {
        ...endpointReport.coverage,
        attributes: { 'Dial.timeout': 3 },
        nouns: { Number: 3 },
        byOutcome: { busy: { 'Dial.timeout': 1, Number: 1 }, completed: { 'Dial.timeout': 2, Number: 2 } },
      },
    });
    expect(html).toContain('Dial.timeout: 3; &lt;Dial&gt; ended: busy 1, completed 2');
    expect(html).toContain('title="&lt;Dial&gt; with Number ended: busy 1, completed 2"');
  });

  it('shows a builder finding as expected against actual XML with the changed part marked, and coverage as attribute × noun', async () => {
    const report = await generatorReport();
    expect(report.findingCount).toBeGreaterThan(0);
    const html = htmlReport(report);
    expect(/<div class="cell left changed"><span class="gut">−<\/span>\s*&lt;Dial timeout=&quot;<mark class="del">\d+<\/mark>&quot;/.test(html)).toBe(true);
    expect(/<div class="cell right changed"><span class="gut">\+<\/span>\s*&lt;Dial timeout=&quot;<mark class="add">120<\/mark>&quot;/.test(html)).toBe(true);
    expect(html.includes('<code>dial.timeout</code>')).toBe(true);
    expect(/<th>Number <span class="count">\d+×<\/span><\/th>/.test(html)).toBe(true);
    expect(/class="c0" title="[A-Za-z]+\.[A-Za-z]+: never produced"/.test(html)).toBe(true);
    for (const url of urlsIn(html)) expect(url, url).toMatch(/^#/);
  });

  const browser = chromium();
  it.skipIf(browser === undefined)('renders in headless Chromium to a non-trivial screenshot (path printed)', { timeout: 180_000 }, async () => {
    mkdirSync(OUT, { recursive: true });
    const page = `${OUT}html-report.html`;
    const shot = `${OUT}html-report.png`;
    writeFileSync(page, htmlReport(endpointReport));
    // A limit for a hung browser only; nothing is decided by how long it takes.
    execFileSync(browser as string, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${shot}`, '--window-size=1280,1800', `file://${page}`], {
      stdio: 'ignore',
      timeout: 150_000,
    });
    expect(pngSize(shot)).toEqual({ width: 1280, height: 1800 });
    // A blank or broken page compresses to a few kB; the tables, the call and the coverage grid do not.
    expect(statSync(shot).size).toBeGreaterThan(40_000);
    console.log(`HTML report screenshot: ${shot}`);
  });
  if (browser === undefined) {
    it.skip('screenshot skipped: chromium is not installed (apt-get install chromium; CI installs it in .ci/run)', () => undefined);
  }
});
