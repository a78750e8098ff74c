import type { TwimlDocument } from '../../model/document.js';
import { isUnsupportedError, type BuilderTarget, type BuildOutcome } from './builderTarget.js';
import { messageOf } from './moduleTarget.js';

/** A builder as a plain function: the document in, the XML out. Throwing means it refuses the document. */
export type BuilderFunction = (document: TwimlDocument) => string | Promise<string>;

export function functionTarget(build: BuilderFunction, name = build.name === '' ? 'function' : `function ${build.name}`): BuilderTarget {
  return {
    name,
    async build(document: TwimlDocument): Promise<BuildOutcome> {
      const steps = [`build(${JSON.stringify(document)})`];
      try {
        const xml = await build(document);
        if (typeof xml !== 'string') return { kind: 'broken', message: `the function returned ${typeof xml}, not a string`, steps };
        return { kind: 'xml', xml, steps };
      } catch (error) {
        if (isUnsupportedError(error)) return { kind: 'unexpressible', reason: messageOf(error) };
        return { kind: 'refused', message: messageOf(error), steps };
      }
    },
    async close(): Promise<void> {},
  };
}
