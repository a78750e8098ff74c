/**
 * A worker thread of a builder run (`--workers N`): draws the cases of a pass at the positions the main
 * thread asks for, exactly as fast-check would draw them there (RunRandoms), and, when the run's
 * builder is a module it can load too, builds and judges them, answering only what the runner needs.
 */
import { parentPort } from 'node:worker_threads';
import { isDialKitError } from '../../errors.js';
import { moduleTarget } from '../../targets/builder/moduleTarget.js';
import type { BuilderTarget } from '../../targets/builder/builderTarget.js';
import type { BuilderProperty } from '../builderProperty.js';
import { runIndexOf } from '../shard.js';
import type { CaseResult, FromWorker, PassSpec, TargetRecipe, ToWorker } from './caseMessages.js';
import { CoverageCounter } from '../coverageCounter.js';
import { caseVerdict } from './caseVerdict.js';
import { RunCases } from './runCases.js';

interface Pass {
  readonly id: number;
  readonly spec: PassSpec;
  readonly property: BuilderProperty;
  readonly target: Promise<BuilderTarget> | undefined;
  readonly cases: RunCases;
}

const port = parentPort;
if (port === null) throw new Error('caseWorker.ts runs only as a worker thread');

const targets = new Map<string, Promise<BuilderTarget>>();
const catalogues = new Map<string, Promise<readonly BuilderProperty[]>>();

interface CatalogueModule {
  builderProperties(only: 'all', dialect?: PassSpec['recipe']['dialect']): BuilderProperty[];
}
let pass: Pass | undefined;
let queue: Promise<void> = Promise.resolve();

function targetOf(recipe: TargetRecipe): Promise<BuilderTarget> {
  const key = JSON.stringify(recipe);
  let target = targets.get(key);
  if (target === undefined) {
    target = moduleTarget({ module: recipe.module, exportPath: recipe.exportPath, cwd: recipe.cwd });
    targets.set(key, target);
  }
  return target;
}

/** The catalogue for a dialect, built once: building its arbitraries costs more than a batch of cases. */
function catalogueOf(spec: PassSpec): Promise<readonly BuilderProperty[]> {
  const key = JSON.stringify(spec.recipe);
  let catalogue = catalogues.get(key);
  if (catalogue === undefined) {
    catalogue = (import(spec.recipe.catalogue) as Promise<CatalogueModule>).then((module) => module.builderProperties('all', spec.recipe.dialect));
    catalogues.set(key, catalogue);
  }
  return catalogue;
}

async function begin(id: number, spec: PassSpec): Promise<Pass> {
  const property = (await catalogueOf(spec)).find((candidate) => candidate.id === spec.propertyId);
  if (property === undefined) throw new Error(`no catalogue property ${spec.propertyId}`);
  return { id, spec, property, target: spec.target === undefined ? undefined : targetOf(spec.target), cases: new RunCases(property, spec.callStyles, spec.seed) };
}

/** The coverage of a batch's cases, drained into each batch's reply. */
const batchCoverage = new CoverageCounter();

async function caseAt(current: Pass, runId: number, probe: boolean): Promise<CaseResult> {
  const drawn = current.cases.at(runId);
  const probed = probe ? { probe: JSON.stringify(drawn) } : {};
  if (current.target === undefined) return { runId, drawn, ...probed };
  const verdict = await caseVerdict(current.property, await current.target, current.spec.judge, drawn);
  if (!verdict.skipped) batchCoverage.add(drawn[0], current.spec.withRules);
  return { runId, verdict, ...probed };
}

async function batch(message: Extract<ToWorker, { type: 'batch' }>): Promise<void> {
  const current = pass;
  if (current === undefined || current.id !== message.pass) return; // a batch of a pass already over
  const results: CaseResult[] = [];
  for (let ordinal = message.from; ordinal < message.to; ordinal += 1) {
    results.push(await caseAt(current, runIndexOf(current.spec.shard, ordinal), message.probe && ordinal === message.from));
  }
  const coverage = batchCoverage.drain();
  const reply: FromWorker = { type: 'batch', pass: message.pass, from: message.from, results, ...(current.target === undefined ? {} : { coverage }) };
  port?.postMessage(reply);
}

function fail(error: unknown): void {
  const reply: FromWorker = isDialKitError(error)
    ? { type: 'error', code: error.code, message: error.message }
    : { type: 'error', message: error instanceof Error ? error.message : String(error) };
  port?.postMessage(reply);
}

port.on('message', (message: ToWorker) => {
  queue = queue
    .then(async () => {
      if (message.type === 'pass') pass = await begin(message.pass, message.spec);
      else await batch(message);
    })
    .catch(fail);
});
