import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startForwardingApp, type ForwardingApp } from '../../examples/forwarding-app/startForwardingApp.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { dialKit, it } from '../../src/vitest/index.js';
import { serializeTwiml } from '../../src/xml/serialize.js';

// The kit's own regression tests, written with its vitest API as a team would write theirs.

dialKit.generator('the reference serializer, checked as a builder', { target: (document: TwimlDocument) => serializeTwiml(document), runs: 200, seed: 9 });

/** A known divergence a team tracks: the test fails if the builder stops writing True (then the entry goes). */
const titleCaseBooleans = (document: TwimlDocument): string => serializeTwiml(document).replaceAll('="true"', '="True"');
dialKit.generator('a builder that writes True, as expected', { target: titleCaseBooleans, only: 'valid', runs: 100, seed: 9, expect: { 'GEN-BUILD-001': 'fail' } });

const TOKEN = 'vitest-api-token';
let app: ForwardingApp | undefined;
beforeAll(async () => {
  app = await startForwardingApp({ port: 0, authToken: TOKEN });
});
afterAll(async () => {
  await app?.close();
});

dialKit.endpoint('the bundled forwarding app, over GET', { url: () => app?.url ?? '', authToken: TOKEN, runs: 50, seed: 5, method: 'GET' });

describe('dialKit misuse is found when the tests are registered', () => {
  it('an expectation about a property the check does not have', () => {
    expect(() => dialKit.generator('typo', { expect: { 'GEN-BUILD-01': 'fail' } })).toThrow(/expect names "GEN-BUILD-01", which is not a property of this check \(GEN-BUILD-001, GEN-BUILD-002, GEN-BUILD-003\)/);
    expect(() => dialKit.endpoint('typo', { url: 'http://127.0.0.1:1/', properties: ['EP-NOPE'] })).toThrow(/--property "EP-NOPE" is not a property of this check/);
  });
});
