import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { ENDPOINT_PROPERTIES } from '../../properties/endpoint.js';
import { fakeApps } from '../endpoint/fakeApp.js';
import { cli } from './helpers.js';

const app = fakeApps();

describe('--list', () => {
  it('prints every generator property: id, grade, title, and its source below', async () => {
    const run = await cli(['generator', '--list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(builderProperties().length * 2);
    builderProperties().forEach((property, index) => {
      expect(lines[index * 2]).toMatch(new RegExp(`^${property.id} {2}(must|should|info) +${property.title.replace(/[<>()]/g, '.')}$`));
      expect(lines[index * 2 + 1]?.trim()).toBe(property.source);
    });
  });

  it('prints the endpoint properties without a URL, and only the chosen ones with --property', async () => {
    const all = await cli(['endpoint', '--list']);
    expect(all.code).toBe(0);
    const ids = all.stdout.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(' ')[0]);
    expect(ids).toEqual(ENDPOINT_PROPERTIES.map((property) => property.id));
    expect(all.stdout).toContain('facts §5 (Timeouts); facts §1.3 11200/11205/11206');
    const some = await cli(['endpoint', '--list', '--property', 'EP-XML', '--property', 'EP-STATUS']);
    // Catalogue order, whatever the order of the flags.
    expect(some.stdout.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(' ')[0])).toEqual(['EP-STATUS', 'EP-XML']);
  });
});

describe('--property ID', () => {
  it('an unknown id is a usage error naming the closest one', async () => {
    const run = await cli(['endpoint', 'http://127.0.0.1:1/voice', '--property', 'EP-STATU']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dial-kit endpoint: --property "EP-STATU" is not a property of this check \(--list shows them\); did you mean EP-STATUS\?\n/);
    const none = await cli(['generator', '--property', 'GEN-BUILD-002', '--only', 'valid']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^dial-kit generator: --only valid leaves none of the properties named by --property\n/);
  });

  it('generator: runs only the chosen property', async () => {
    const run = await cli(['generator', '--runs', '3', '--property', 'GEN-BUILD-002']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^PASS {2}GEN-BUILD-002 /m);
    expect(run.stdout).not.toContain('GEN-BUILD-001');
  });

  it('endpoint: checks only the chosen properties, and the replay line repeats them', async () => {
    const server = await app({ voice: () => ({ status: 500, contentType: 'text/xml', body: '<Response/>' }) });
    const only = await cli(['endpoint', server.url, '--runs', '3', '--seed', '1', '--timeout-ms', '5000', '--property', 'EP-XML']);
    // The 500 breaks EP-STATUS, which is not checked: the app is judged on EP-XML only, and that call reached no <Dial>.
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/checked nothing/);
    const status = await cli(['endpoint', server.url, '--runs', '3', '--seed', '1', '--timeout-ms', '5000', '--property', 'EP-STATUS']);
    expect(status.code).toBe(1);
    expect(status.stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line))).toEqual([expect.stringMatching(/^FAIL {2}EP-STATUS /)]);
    expect(status.stdout).toMatch(/Replay: dial-kit endpoint http:\/\/127\.0\.0\.1:\d+\/voice --timeout-ms 5000 --property EP-STATUS --seed \d+ --replay '?\d/);
  });
});
