import { resolvedHref } from '../../../reference/interpret/derivedRequest.js';
import { methodOf, urlAttribute } from '../../../reference/interpret/legInfo.js';
import type { GenericElement } from '../../model/document.js';
import type { PlayContext, VerbPlay } from './verbPlay.js';
import type { VerbPlayOptions } from './verbPlayOptions.js';

export interface ActionAsk {
  readonly role: 'gather-action' | 'record-action';
  /** The verb's own parameters, put after the call's. */
  readonly params: Readonly<Record<string, string>>;
  readonly callerOnLine: boolean;
  readonly summary: string;
}

/**
 * The request to a `<Gather>` or `<Record>` action: the action attribute resolved against the
 * document URL (the document URL itself when there is none), GET when written so and POST otherwise,
 * the call's standard parameters with CallStatus `in-progress` while the caller is on the line, then
 * the verb's parameters. An action that does not resolve to an http(s) URL cannot be played.
 * @see page §gather-attributes, page §record-attributes (action default, method default POST);
 * page §record-params (standard parameters plus the verb's); facts §5 (relative URLs, method)
 */
export function verbAction(verb: GenericElement, context: PlayContext, ask: ActionAsk, options: VerbPlayOptions): VerbPlay {
  const target = urlAttribute(verb.attributes, 'action') ?? context.documentUrl;
  const url = resolvedHref(target, context.documentUrl);
  if (url === undefined) {
    return { kind: 'unplayable', summary: `<${verb.name} action=${JSON.stringify(target)}> cannot be resolved to an http(s) URL against ${context.documentUrl}.` };
  }
  const status = ask.callerOnLine ? 'in-progress' : options.statusAfterHangup;
  return {
    kind: 'request',
    role: ask.role,
    method: methodOf(verb.attributes.method),
    url,
    params: { ...context.callParams, CallStatus: status, ...ask.params },
    callerOnLine: ask.callerOnLine,
    summary: ask.summary,
  };
}
