import type { Finding, PropertyResult, RunReport } from '../check/findings.js';
import { gradeOf } from '../check/grade.js';
import type { PropertyInfo, RunEvent, StampedRunEvent } from './runEvent.js';

/** The run as it goes, told to an event sink; every method is a no-op without one. */
export interface RunEvents {
  runStart(start: Omit<Extract<RunEvent, { event: 'run-start' }>, 'event' | 'tool' | 'startedAt'>): void;
  propertyStart(property: PropertyInfo): void;
  /** Written every hundredth of `total` and at the end, so a long run gives ~100 lines per property, not one per case. */
  progress(property: string | undefined, done: number, total: number): void;
  finding(finding: Finding): void;
  /** The property's findings not yet told (by fingerprint), then its end. */
  propertyEnd(result: PropertyResult): void;
  runEnd(report: RunReport): void;
}

/** Events as NDJSON lines, handed to `writeLine` one at a time in the order they happen. */
export function runEvents(writeLine: ((line: string) => void) | undefined, now: () => number = Date.now): RunEvents {
  let seq = 0;
  let started = now();
  const told = new Set<string>();
  const emit = (event: RunEvent): void => {
    if (writeLine === undefined) return;
    const stamped: StampedRunEvent = { seq: seq++, elapsedMs: now() - started, ...event };
    writeLine(`${JSON.stringify(stamped)}\n`);
  };
  const finding = (found: Finding): void => {
    if (told.has(found.fingerprint)) return;
    told.add(found.fingerprint);
    emit({ event: 'finding', finding: found });
  };
  return {
    runStart(start) {
      started = now();
      const properties = start.properties.map((property) => ({ id: property.id, title: property.title, source: property.source, grade: gradeOf(property) }));
      emit({ event: 'run-start', tool: 'twiml-dial-kit', ...start, properties, startedAt: new Date(started).toISOString() });
    },
    propertyStart: (property) => emit({ event: 'property-start', id: property.id, title: property.title, source: property.source, grade: gradeOf(property) }),
    progress(property, done, total) {
      const step = Math.max(1, Math.ceil(total / 100));
      if (done % step !== 0 && done !== total) return;
      emit({ event: 'progress', ...(property === undefined ? {} : { property }), done, total });
    },
    finding,
    propertyEnd(result) {
      for (const found of result.findings) finding(found);
      emit({
        event: 'property-end',
        id: result.id,
        status: result.status,
        grade: gradeOf(result),
        runs: result.runs,
        findingCount: result.findings.length,
        ...(result.skipReason === undefined ? {} : { skipReason: result.skipReason }),
        durationMs: result.durationMs,
      });
    },
    runEnd(report) {
      const count = (status: PropertyResult['status']): number => report.properties.filter((property) => property.status === status).length;
      emit({ event: 'run-end', findingCount: report.findingCount, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), ...(count('not-exercised') === 0 ? {} : { notExercised: count('not-exercised') }), durationMs: report.durationMs });
    },
  };
}
