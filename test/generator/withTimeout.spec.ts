import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import type { TwimlDocument } from '../../src/model/document.js';
import type { BuilderTarget } from '../../src/targets/builder/builderTarget.js';
import type { BuilderConstructor } from '../../src/targets/builder/driveVoiceResponse.js';
import { voiceResponseTarget } from '../../src/targets/builder/moduleTarget.js';
import { withTimeout } from '../../src/targets/builder/withTimeout.js';

const VoiceResponse = twilio.twiml.VoiceResponse as unknown as BuilderConstructor;
const document: TwimlDocument = { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { timeout: '5' }, children: [{ kind: 'Number', attributes: {}, text: '+15551234567' }] }] };

describe('withTimeout', () => {
  it('calls a synchronous target directly: same outcome, buildNow kept, no timer armed', async () => {
    const bare = voiceResponseTarget(VoiceResponse);
    const limited = withTimeout(bare, 5);
    expect(limited.buildNow).toBe(bare.buildNow);
    const expected = await bare.build(document);
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const pending = limited.build(document);
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBe(before);
    expect(await pending).toEqual(expected);
    expect(limited.buildNow?.(document)).toEqual(expected);
  });

  it('still limits an asynchronous target that never settles', async () => {
    const never: BuilderTarget = { name: 'never', build: () => new Promise(() => undefined), close: async () => undefined };
    expect(await withTimeout(never, 20).build(document)).toEqual({ kind: 'broken', message: 'the builder did not answer within 20 ms', steps: [] });
  });
});
