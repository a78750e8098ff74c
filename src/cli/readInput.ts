import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DialKitError } from '../errors.js';

/**
 * Reads FILE, or standard input for `-` or no argument, as UTF-8 text, refusing more than `maxBytes`.
 * Standard input that is a terminal is never waited on silently: with no argument it is refused (the
 * user most likely forgot the file); with `-` the user asked for it, and `onTerminal` says how to end it.
 */
export async function readInput(path: string | undefined, stdin: Readable, maxBytes = 16 * 1024 * 1024, onTerminal?: (notice: string) => void): Promise<string> {
  if (path !== undefined && path !== '-') {
    try {
      // The size is checked before reading, so a huge file is refused without being loaded.
      const handle = await open(path, 'r');
      try {
        const tooLarge = (): DialKitError => new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `${path} is larger than ${maxBytes} bytes`);
        if ((await handle.stat()).size > maxBytes) throw tooLarge();
        const bytes = await handle.readFile();
        if (bytes.length > maxBytes) throw tooLarge();
        return decodeUtf8(bytes, path);
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (error instanceof DialKitError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `cannot read ${path}: ${why}`);
    }
  }
  if ((stdin as Readable & { isTTY?: boolean }).isTTY === true) {
    if (path === undefined) {
      throw new DialKitError('DIALKIT_ERR_USAGE', 'no FILE was given and standard input is a terminal: give the document as FILE, pipe it in, or pass - to type it');
    }
    onTerminal?.('reading the document from the terminal; end it with Ctrl-D (Ctrl-Z then Enter on Windows)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `standard input is larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return decodeUtf8(Buffer.concat(chunks), 'standard input');
}

function decodeUtf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `${name} is not valid UTF-8 text`);
  }
}
