import type { Finding, PropertyResult } from '../check/findings.js';
import type { Grade } from '../check/grade.js';

/** What a property is, as the events name it before it has a result. */
export interface PropertyInfo {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly grade?: Grade;
}

/**
 * One line of the `--ndjson` stream (`schemas/events.schema.json`). Every event carries `seq` (its
 * position in the stream) and `elapsedMs` since the run started; `elapsedMs`, `startedAt` and
 * `durationMs` are the only timing fields, so two runs with the same seed differ in nothing else.
 */
export type RunEvent =
  | {
      readonly event: 'run-start';
      readonly tool: 'twiml-dial-kit';
      readonly version: string;
      readonly mode: string;
      readonly target: string;
      readonly seed: number;
      readonly runs: number;
      readonly shard?: { readonly index: number; readonly count: number };
      readonly properties: readonly PropertyInfo[];
      readonly startedAt: string;
    }
  | ({ readonly event: 'property-start' } & PropertyInfo)
  | { readonly event: 'progress'; readonly property?: string; readonly done: number; readonly total: number }
  | { readonly event: 'finding'; readonly finding: Finding }
  | {
      readonly event: 'property-end';
      readonly id: string;
      readonly status: PropertyResult['status'];
      readonly grade: Grade;
      readonly runs: number;
      readonly findingCount: number;
      readonly skipReason?: string;
      readonly durationMs: number;
    }
  | {
      readonly event: 'run-end';
      readonly findingCount: number;
      readonly passed: number;
      readonly failed: number;
      readonly skipped: number;
      /** Properties the run never gave anything to judge. */
      readonly notExercised?: number;
      readonly durationMs: number;
    };

/** An event as written: with its position in the stream and the time since the run started. */
export type StampedRunEvent = RunEvent & { readonly seq: number; readonly elapsedMs: number };
