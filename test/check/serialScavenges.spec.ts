import { describe, expect, it } from 'vitest';
import { CasePool } from '../../src/check/parallel/casePool.js';
import { serialScavengesWhileBusy, type ScavengeControl } from '../../src/check/parallel/serialScavenges.js';

/** A control on two cores whose flag changes are written down instead of made. */
function recorded(execArgv: readonly string[] = []): { control: ScavengeControl; set: string[] } {
  const set: string[] = [];
  return { control: { cores: 2, execArgv, setFlags: (flags) => set.push(flags) }, set };
}

describe('serialScavengesWhileBusy: scavenges on the collecting thread alone while a run holds every core', () => {
  it('sets --no-parallel-scavenge when the run has a thread for every core, and gives the default back when it ends, once', () => {
    const { control, set } = recorded();
    const end = serialScavengesWhileBusy(2, control);
    expect(set).toEqual(['--no-parallel-scavenge']);
    end();
    end();
    expect(set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('more threads than cores: the same', () => {
    const { control, set } = recorded();
    serialScavengesWhileBusy(3, control)();
    expect(set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('leaves V8 as it is when a core is left free: its helpers have a core to run on', () => {
    const { control, set } = recorded();
    serialScavengesWhileBusy(1, control)();
    serialScavengesWhileBusy(2, { ...control, cores: 4 })();
    expect(set).toEqual([]);
  });

  it.each(['--no-parallel-scavenge', '--parallel-scavenge', '--single-threaded-gc', '--single-threaded', '--predictable'])('leaves V8 as the user set it with %s', (flag) => {
    const { control, set } = recorded(['--enable-source-maps', flag]);
    serialScavengesWhileBusy(2, control)();
    expect(set).toEqual([]);
  });

  it('two runs at once: the default comes back when the last of them ends, not the first', () => {
    const { control, set } = recorded();
    const endFirst = serialScavengesWhileBusy(2, control);
    const endSecond = serialScavengesWhileBusy(2, control);
    endFirst();
    expect(set).toEqual(['--no-parallel-scavenge']);
    endSecond();
    expect(set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });
});

describe('CasePool: serial scavenges for the life of a pool whose threads hold every core', () => {
  it('counts the main thread with its workers, sets the flag when the pool starts and gives the default back when it closes', async () => {
    const { control, set } = recorded();
    const pool = new CasePool(1, control);
    expect(set).toEqual(['--no-parallel-scavenge']);
    await pool.close();
    expect(set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('one worker on three cores leaves a core free: V8 is left as it is', async () => {
    const { control, set } = recorded();
    const pool = new CasePool(1, { ...control, cores: 3 });
    await pool.close();
    expect(set).toEqual([]);
  });
});
