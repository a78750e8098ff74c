import type { TwimlDocument } from '../../model/document.js';
import type { BuilderTarget, BuildOptions, BuildOutcome } from './builderTarget.js';

const PENDING = Symbol('pending');

/**
 * Gives every build a time limit: past it the build is `broken`, a finding, and the kit moves on. This
 * stops builders that never answer (a promise that never settles, a stdio process that hangs); a
 * synchronous endless loop inside this process cannot be interrupted by any in-process timer, so use
 * the stdio target for builders that may spin. A build that has already settled when first looked at
 * (every synchronous builder) never arms a timer, which keeps the limit free on the common path.
 */
export function withTimeout(target: BuilderTarget, timeoutMs: number): BuilderTarget {
  return {
    name: target.name,
    async build(document: TwimlDocument, options?: BuildOptions): Promise<BuildOutcome> {
      const building = target.build(document, options);
      const first = await Promise.race([building, Promise.resolve(PENDING)]);
      if (first !== PENDING) return first;
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<BuildOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'broken', message: `the builder did not answer within ${timeoutMs} ms`, steps: [] }), timeoutMs);
      });
      try {
        return await Promise.race([building, expired]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => target.close(),
  };
}
