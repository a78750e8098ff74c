import { describe, expect, it } from 'vitest';
import { judgeBuild } from '../../src/check/checkBuild.js';
import { assertGenerator, checkGenerator, GeneratorCheckError } from '../../properties/checkGenerator.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { withTimeout } from '../../src/targets/builder/withTimeout.js';
import { functionTarget } from '../../src/targets/builder/functionTarget.js';
import { moduleTarget } from '../../src/targets/builder/moduleTarget.js';
import { serializeTwiml } from '../../src/xml/serialize.js';

// The reference serializer itself conforms: test/vitest/dialKit.spec.ts checks it with dialKit.generator.
describe('checkGenerator with a plain function', () => {
  it('a function that drops every verb after <Dial> is caught, with the document as the step', async () => {
    const dropAfter = (document: TwimlDocument): string => {
      const at = document.verbs.findIndex((verb) => verb.kind === 'Dial');
      return serializeTwiml({ ...document, verbs: document.verbs.slice(0, at + 1) });
    };
    const report = await checkGenerator({ target: dropAfter, runs: 100, seed: 9, only: 'valid' });
    const finding = report.properties[0]?.findings[0];
    expect(finding?.summary).toMatch(/^the builder wrote XML that makes Twilio behave differently: at \/Response\/\w+\[\d+\] expected "<\w+>", got nothing$/);
    expect(finding?.steps[0]).toMatch(/^build\(\{"root":"Response"/);
    expect(finding?.differences?.[0]?.rule).toBe('response.verbs');
    await expect(assertGenerator({ target: dropAfter, runs: 100, seed: 9, only: 'valid' })).rejects.toThrow(GeneratorCheckError);
  });

  it('the same bug gives the same fingerprint at every seed', async () => {
    const trueAsTitle = (document: TwimlDocument): string => serializeTwiml(document).replaceAll('="true"', '="True"');
    const prints = new Set<string>();
    for (const seed of [1, 2, 3, 4]) {
      const report = await checkGenerator({ target: trueAsTitle, runs: 100, seed, only: 'valid' });
      for (const finding of report.properties[0]?.findings ?? []) prints.add(finding.fingerprint);
    }
    expect(prints.size).toBe(1);
  });

  it('a builder that never answers is a finding after the time limit, not a hung kit', async () => {
    const never = (): Promise<string> => new Promise<string>(() => undefined);
    const report = await checkGenerator({ target: never, runs: 3, seed: 1, only: 'valid', timeoutMs: 50 });
    expect(report.properties[0]?.findings[0]?.summary).toBe('the builder failed: the builder did not answer within 50 ms');
  });

  it('a builder that returns something other than a string is broken', async () => {
    const outcome = await withTimeout(functionTarget(() => 42 as unknown as string), 100).build({ root: 'Response', attributes: {}, verbs: [] });
    expect(outcome).toMatchObject({ kind: 'broken', message: 'the function returned number, not a string' });
  });
});

describe('invalid-document policy', () => {
  it('refuse: a builder that writes everything is a finding; faithful: a builder that refuses everything is one', async () => {
    const twilio = await moduleTarget();
    const refuse = await checkGenerator({ target: twilio, runs: 20, seed: 1, only: 'invalid', invalidPolicy: 'refuse' });
    expect(refuse.properties[0]?.findings[0]?.summary).toBe('the builder wrote a document that breaks a rule, and the policy "refuse" asks it to refuse');
    const refuser = (): string => {
      throw new Error('I validate');
    };
    const faithful = await checkGenerator({ target: refuser, runs: 20, seed: 1, only: 'invalid', invalidPolicy: 'faithful' });
    expect(faithful.properties[0]?.findings[0]?.summary).toMatch(/policy "faithful" asks it to write it as given: I validate$/);
    const lenient = await checkGenerator({ target: refuser, runs: 20, seed: 1, only: 'invalid' });
    expect(lenient.findingCount).toBe(0);
  });
});

describe('the fast path', () => {
  const say = (text: string, attribute: string): TwimlDocument => ({
    root: 'Response',
    attributes: {},
    verbs: [{ kind: 'element', name: 'Say', attributes: { voice: attribute }, children: [{ kind: 'text', text }] }],
  });

  it('accepts > and \' spelled either way, even "]]>" inside an attribute value', () => {
    const document = say("a]]>b 'c'", 'x]]>y');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="x]]>y">a]]&gt;b &apos;c&apos;</Say></Response>`;
    expect(judgeBuild(document, { kind: 'xml', xml, steps: [] }, { documents: 'valid' })).toEqual({ ok: true });
  });

  // XML 1.0 §2.4 forbids "]]>" in character data; parseTwiml refuses it, so a builder writing it raw is caught.
  it('refuses "]]>" written raw in text: not well-formed', () => {
    const document = say('a]]>b', 'x');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="x">a]]>b</Say></Response>`;
    expect(judgeBuild(document, { kind: 'xml', xml, steps: [] }, { documents: 'valid' })).toMatchObject({ ok: false, problem: 'malformed' });
  });
});
