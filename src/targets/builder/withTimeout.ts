import type { TwimlDocument } from '../../model/document.js';
import type { BuilderTarget, BuildOptions, BuildOutcome } from './builderTarget.js';

const PENDING = Symbol('pending');

/**
 * Gives every build a time limit: past it the build is `broken`, a finding, and the kit moves on. This
 * stops builders that never answer (a promise that never settles, a stdio process that hangs).
 *
 * A synchronous builder cannot be interrupted by any timer in its own process: its build has finished
 * (or is looping forever) before a timer could fire. So a target that builds synchronously (`buildNow`)
 * is called directly, with no promise race and no timer per case, and the limit applies only to
 * asynchronous builds. Use the stdio target for builders that may spin. A build that has already settled
 * when first looked at never arms a timer either.
 */
export function withTimeout(target: BuilderTarget, timeoutMs: number): BuilderTarget {
  const buildNow = target.buildNow;
  if (buildNow !== undefined) {
    return {
      name: target.name,
      buildNow,
      build: (document: TwimlDocument, options?: BuildOptions): Promise<BuildOutcome> => Promise.resolve(buildNow(document, options)),
      close: () => target.close(),
      ...(target.callStyles === undefined ? {} : { callStyles: target.callStyles }),
      ...(target.workerRecipe === undefined ? {} : { workerRecipe: target.workerRecipe }),
    };
  }
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
