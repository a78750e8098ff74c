import fc from 'fast-check';
import type { Case } from './caseMessages.js';

/**
 * A case a worker thread draws: fast-check's run loop holds this in its place, with the random it was
 * handed for the position, so the case itself can be drawn again here when it is needed whole (to
 * shrink it, to report it, to check a worker drew the same).
 */
export class Ticket {
  constructor(
    readonly runId: number,
    private readonly random: fc.Random,
  ) {}

  /** The case as fast-check draws it at this position, with what it needs to shrink. */
  draw(property: fc.IAsyncProperty<[Case | Ticket]>): fc.Value<[Case | Ticket]> {
    return property.generate(this.random.clone(), this.runId);
  }
}

/**
 * The property, with each case of a run (a position fast-check asks for) left to be drawn elsewhere:
 * it gives a {@link Ticket} that the predicate turns into the case's result. Shrinking starts from the
 * case drawn again here, so it walks exactly the candidates it walks without tickets; cases asked
 * without a position (replays, shrinking) are drawn here as before.
 */
export function ticketProperty(property: fc.IAsyncProperty<[Case | Ticket]>): fc.IAsyncProperty<[Case | Ticket]> {
  return {
    isAsync: () => true,
    generate: (random, runId) => (runId === undefined ? property.generate(random, runId) : new fc.Value<[Case | Ticket]>([new Ticket(runId, random.clone())], undefined)),
    shrink: (value) => {
      const [first] = value.value_;
      return first instanceof Ticket ? property.shrink(first.draw(property)) : property.shrink(value);
    },
    run: (value) => property.run(value),
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  };
}
