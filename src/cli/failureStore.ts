import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseStoredCase } from '../check/store/parseStoredCase.js';
import type { StoredCase, StoredFile } from '../check/store/storedCase.js';
import { DialKitError } from '../errors.js';

/** A stored case is a few kilobytes; a file far larger is not one of ours and is not read whole. */
const MAX_CASE_BYTES = 4 * 1024 * 1024;

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file' : code ?? (error as Error).message;
}

/**
 * Makes sure the directory can be read and written, creating it if needed, before a run starts: a store
 * that cannot be written must not be found out after a long run.
 */
export async function openFailureStore(dir: string): Promise<void> {
  const refuse = (why: string): DialKitError => new DialKitError('DIALKIT_ERR_OUTPUT_UNWRITABLE', `--failures ${JSON.stringify(dir)} cannot be used as the failure store: ${why}`);
  const existing = await stat(dir).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) throw refuse('it is not a directory');
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw refuse(reason(error));
  }
}

async function readCapped(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).size > MAX_CASE_BYTES) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the failure store file ${path} is larger than ${MAX_CASE_BYTES} bytes`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Every `*.json` file of the directory, in name order, read as a stored case (any other file is left alone). */
export async function readFailureStore(dir: string): Promise<StoredFile[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort();
  const files: StoredFile[] = [];
  for (const file of names) {
    let text: string;
    try {
      text = await readCapped(join(dir, file));
    } catch (error) {
      if (error instanceof DialKitError) throw error;
      throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `cannot read the failure store file ${join(dir, file)}: ${reason(error)}`);
    }
    files.push({ file, stored: parseStoredCase(text, join(dir, file)) });
  }
  return files;
}

/** The file a case is kept in: one per property and bug (fingerprint), so the same bug found again is not stored twice. */
export function storedFileName(stored: Pick<StoredCase, 'propertyId' | 'fingerprint'>): string {
  const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe(stored.propertyId)}.${safe(stored.fingerprint)}.json`;
}

/** Writes a new case; returns its file name, or undefined when that bug is already stored. */
export async function saveStoredCase(dir: string, stored: StoredCase): Promise<string | undefined> {
  const file = storedFileName(stored);
  try {
    await writeFile(join(dir, file), `${JSON.stringify(stored, null, 2)}\n`, { flag: 'wx' });
    return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new DialKitError('DIALKIT_ERR_OUTPUT_UNWRITABLE', `cannot write the failure store file ${join(dir, file)}: ${reason(error)}`);
  }
}

export async function removeStoredCase(dir: string, file: string): Promise<void> {
  await rm(join(dir, file), { force: true });
}
