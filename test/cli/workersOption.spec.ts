import { describe, expect, it } from 'vitest';
import { AUTO_WORKERS_FROM_RUNS, workersOption } from '../../src/cli/workersOption.js';

describe('--workers N|auto', () => {
  it('auto (the default) starts one worker per core but the main thread\'s, at most 8, for runs of 10,000 cases or more, and none for shorter runs or on one core', () => {
    expect(AUTO_WORKERS_FROM_RUNS).toBe(10_000);
    expect(workersOption(undefined, AUTO_WORKERS_FROM_RUNS, 2)).toBe(1);
    expect(workersOption('auto', 100_000, 4)).toBe(3);
    expect(workersOption('auto', 100_000, 64)).toBe(8);
    expect(workersOption(undefined, AUTO_WORKERS_FROM_RUNS - 1, 16)).toBe(0);
    expect(workersOption('auto', 100_000, 1)).toBe(0);
  });

  it('takes a whole number from 0 to 64 as given', () => {
    expect(workersOption('0', 100_000, 2)).toBe(0);
    expect(workersOption('3', 10, 2)).toBe(3);
  });

  it('refuses anything else with one sentence (a usage error: exit 2)', () => {
    for (const bad of ['x', '-1', '1.5', '65', '']) expect(() => workersOption(bad, 100, 2)).toThrow(/--workers must be auto or a whole number from 0 to 64/);
  });
});
