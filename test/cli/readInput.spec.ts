import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/readInput.js';
import { DialKitError } from '../../src/errors.js';

const file = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'dial-kit-read-')), 'in.xml');
  writeFileSync(path, text);
  return path;
};
const empty = (): Readable => Readable.from([]);

describe('readInput', () => {
  it('reads a file or standard input as UTF-8, dropping a byte order mark', async () => {
    expect(await readInput(file('\uFEFF<Response/>'), empty())).toBe('<Response/>');
    expect(await readInput('-', Readable.from([Buffer.from('<Res'), Buffer.from('ponse/>')]))).toBe('<Response/>');
    expect(await readInput(undefined, Readable.from([Buffer.from('é')]))).toBe('é');
  });

  it('refuses more than maxBytes from a file or from standard input', async () => {
    await expect(readInput(file('x'.repeat(11)), empty(), 10)).rejects.toBeInstanceOf(DialKitError);
    await expect(readInput(file('x'.repeat(11)), empty(), 10)).rejects.toThrow(/is larger than 10 bytes$/);
    expect(await readInput(file('x'.repeat(10)), empty(), 10)).toBe('x'.repeat(10));
    await expect(readInput('-', Readable.from([Buffer.from('x'.repeat(11))]), 10)).rejects.toThrow('standard input is larger than 10 bytes');
  });

  it('refuses bytes that are not UTF-8', async () => {
    await expect(readInput('-', Readable.from([Buffer.from([0xff])]))).rejects.toMatchObject({ code: 'DIALKIT_ERR_INPUT_UNREADABLE', message: 'standard input is not valid UTF-8 text' });
  });
});
