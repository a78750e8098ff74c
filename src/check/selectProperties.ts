import { closestName } from '../../reference/closestName.js';
import { DialKitError } from '../errors.js';

/**
 * The properties a run checks: all of them, or those named (in catalogue order, each once). An unknown
 * id is a usage error that names the closest known one, never a run that silently checks less.
 */
export function selectProperties<P extends { readonly id: string }>(all: readonly P[], ids: readonly string[] | undefined): P[] {
  if (ids === undefined || ids.length === 0) return [...all];
  const known = all.map((property) => property.id);
  for (const id of ids) {
    if (known.includes(id)) continue;
    const near = closestName(id, known);
    const hint = near === undefined ? '' : `; did you mean ${near}?`;
    throw new DialKitError('DIALKIT_ERR_USAGE', `--property ${JSON.stringify(id)} is not a property of this check (--list shows them)${hint}`);
  }
  return all.filter((property) => ids.includes(property.id));
}
