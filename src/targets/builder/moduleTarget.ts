import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DialKitError } from '../../errors.js';
import type { TwimlDocument } from '../../model/document.js';
import { isUnsupportedError, type BuilderTarget, type BuildOptions, type BuildOutcome } from './builderTarget.js';
import { CALL_STYLES } from './callStyle.js';
import { driveVoiceResponse, UnexpressibleError, type BuilderConstructor } from './driveVoiceResponse.js';

export interface ModuleTargetOptions {
  /** A file or package directory (relative to `cwd`), or a package name. Default `twilio`. */
  readonly module?: string;
  /** Dotted path to the VoiceResponse class inside the module. Default `twiml.VoiceResponse`. */
  readonly exportPath?: string;
  readonly cwd?: string;
}

/** A builder class already in hand, e.g. `twilio.twiml.VoiceResponse`, as a target. It builds synchronously (`buildNow`). */
export function voiceResponseTarget(VoiceResponse: BuilderConstructor, name = 'VoiceResponse'): BuilderTarget {
  const buildNow = (document: TwimlDocument, options: BuildOptions = {}): BuildOutcome => {
    const steps: string[] | undefined = options.trace === true ? [] : undefined;
    try {
      return { kind: 'xml', xml: driveVoiceResponse(VoiceResponse, document, steps, options.calls), steps: steps ?? NO_STEPS };
    } catch (error) {
      if (error instanceof UnexpressibleError || isUnsupportedError(error)) return { kind: 'unexpressible', reason: messageOf(error) };
      return { kind: 'refused', message: messageOf(error), steps: steps ?? NO_STEPS };
    }
  };
  return {
    name,
    callStyles: CALL_STYLES,
    buildNow,
    build: (document: TwimlDocument, options?: BuildOptions): Promise<BuildOutcome> => Promise.resolve(buildNow(document, options)),
    async close(): Promise<void> {},
  };
}

/** Shared by every untraced outcome: one frozen empty list instead of a new array per case. */
const NO_STEPS: readonly string[] = Object.freeze([]);

/**
 * Loads a module with the twilio builder API and returns it as a target. Failing to load it, or to find
 * a constructor at the export path, is a DialKitError (the CLI's exit 2), not a finding.
 */
export async function moduleTarget(options: ModuleTargetOptions = {}): Promise<BuilderTarget> {
  const specifier = options.module ?? 'twilio';
  const exportPath = options.exportPath ?? 'twiml.VoiceResponse';
  const cwd = options.cwd ?? process.cwd();
  const looksLikePath = specifier.startsWith('.') || isAbsolute(specifier) || isFile(resolve(cwd, specifier)) || isFile(resolve(cwd, specifier, 'package.json'));
  let loaded: unknown;
  try {
    if (looksLikePath && isDirectory(resolve(cwd, specifier))) {
      // A package directory: its package.json says which file is the entry point, as for an installed package.
      const directory = resolve(cwd, specifier);
      loaded = await import(pathToFileURL(createRequire(resolve(directory, 'package.json')).resolve(directory)).href);
    } else if (looksLikePath) {
      loaded = await import(pathToFileURL(resolve(cwd, specifier)).href);
    } else {
      // Resolve a package from the user's directory first, then from the kit (which bundles twilio).
      const fromCwdRequire = createRequire(resolve(cwd, 'package.json'));
      const fromCwd = tryResolve(fromCwdRequire, specifier);
      if (specifier === 'twilio' && exportPath === 'twiml.VoiceResponse') {
        const builder = twilioVoiceResponse(fromCwd === undefined ? createRequire(import.meta.url) : fromCwdRequire);
        if (builder !== undefined) return { ...voiceResponseTarget(builder, `${specifier} ${exportPath}`), workerRecipe: { module: specifier, exportPath, cwd } };
      }
      loaded = fromCwd !== undefined ? await import(pathToFileURL(fromCwd).href) : await import(specifier);
    }
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_TARGET_LOAD', `cannot load the builder module ${JSON.stringify(specifier)}: ${messageOf(error)}`, { cause: error });
  }
  const found = lookup(loaded, exportPath);
  if (typeof found !== 'function') {
    throw new DialKitError('DIALKIT_ERR_TARGET_LOAD', `the module ${JSON.stringify(specifier)} has no constructor at ${JSON.stringify(exportPath)}`);
  }
  return { ...voiceResponseTarget(found as BuilderConstructor, `${specifier} ${exportPath}`), workerRecipe: { module: specifier, exportPath, cwd } };
}

/**
 * `twilio.twiml.VoiceResponse` without the rest of the package: it is the class the package's
 * lib/twiml/VoiceResponse.js exports, and loading that file alone takes tens of milliseconds where the
 * whole package (REST client, axios, JWT) takes hundreds. Undefined where a version lays its files out
 * otherwise, so the caller loads the whole package as before.
 */
function twilioVoiceResponse(require: NodeRequire): BuilderConstructor | undefined {
  try {
    const loaded = require('twilio/lib/twiml/VoiceResponse.js') as unknown;
    return typeof loaded === 'function' ? (loaded as BuilderConstructor) : undefined;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function tryResolve(require: NodeRequire, specifier: string): string | undefined {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}

/** Follows a dotted path, looking through the `default` export an ES import of a CommonJS module adds. */
function lookup(root: unknown, dotted: string): unknown {
  const walk = (start: unknown): unknown =>
    dotted.split('.').reduce<unknown>((value, key) => (value !== null && (typeof value === 'object' || typeof value === 'function') ? (value as Record<string, unknown>)[key] : undefined), start);
  const direct = walk(root);
  if (direct !== undefined) return direct;
  const fallback = (root as Record<string, unknown> | undefined)?.['default'];
  return fallback === undefined ? undefined : walk(fallback);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
