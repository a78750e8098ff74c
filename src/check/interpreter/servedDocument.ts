import { attributeSpec, type ElementName } from '../../../reference/spec/attributes.js';
import type { DialChild, DialVerb } from '../../model/dial.js';
import type { AttributeMap, GenericElement, TwimlDocument, Verb } from '../../model/document.js';

/** What a rewritten URL belongs to, so a request to it is read as the right kind. */
export interface UrlTag {
  /** `Dial`, a noun, or a verb (`Play`, `Redirect`). */
  readonly element: string;
  /** The attribute, or `text` for a verb's URL content. */
  readonly attribute: string;
  /** The noun's path (`/Response/Dial[1]/Number[2]`) for noun attributes. */
  readonly nounPath?: string;
}

/** The document a call is served: URLs moved under the call's path, a probe after every `<Dial>`. */
export interface ServedDocument {
  readonly document: TwimlDocument;
  /** `/cN/voice` on the app. */
  readonly documentUrl: string;
  /** Tag number (the `uK` path segment) to what it belongs to. */
  readonly tags: ReadonlyMap<number, UrlTag>;
  /** Path of the probe after the K-th `<Dial>` (from 0). */
  readonly probePaths: readonly string[];
}

/**
 * The value of a URL attribute, moved under `/call/uK/` on the app while keeping its form: an absolute URL
 * becomes an absolute URL to the app, a path-absolute one stays path-absolute, a relative one stays
 * relative (with as many padding segments as it climbs with `../`, so RFC 3986 resolution is still exercised).
 */
export function rewriteUrl(value: string, origin: string, call: string, tag: number): string {
  const text = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
    const url = new URL(text, origin);
    return `${origin}/${call}/u${tag}${url.pathname}${url.search}${url.hash}`;
  }
  if (text.startsWith('/')) return `/${call}/u${tag}${text}`;
  const climbs = /^(?:\.\.\/)*/.exec(text)?.[0].length ?? 0;
  return `u${tag}/${'z/'.repeat(climbs / 3)}${text}`;
}

function nounName(child: DialChild): ElementName | undefined {
  return child.kind === 'text' || child.kind === 'element' ? undefined : child.kind;
}

/**
 * Builds the served form of a generated document for call `call` on the app at `origin`. Every URL the
 * document holds (attributes of the url kind in the spec table, `<Play>` and `<Redirect>` content) is
 * rewritten, so the interpreter never has a reason to leave the app; after each `<Dial>` comes
 * `<Redirect method="POST">/call/after-dial/K</Redirect>`, so "the next verb ran" is observed.
 */
export function servedDocument(generated: TwimlDocument, origin: string, call: string): ServedDocument {
  const tags = new Map<number, UrlTag>();
  const probePaths: string[] = [];
  const moved = (value: string, tag: UrlTag): string => {
    const number = tags.size;
    tags.set(number, tag);
    return rewriteUrl(value, origin, call, number);
  };
  const attributes = (element: ElementName, map: AttributeMap, nounPath?: string): AttributeMap => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(map)) {
      const isUrl = attributeSpec(element, name)?.value.kind === 'url' && value.trim() !== '';
      out[name] = isUrl ? moved(value, { element, attribute: name, ...(nounPath === undefined ? {} : { nounPath }) }) : value;
    }
    return out;
  };
  const verbs: (Verb | { kind: 'text'; text: string })[] = [];
  let dials = 0;
  for (const verb of generated.verbs) {
    if (verb.kind === 'text') {
      verbs.push(verb);
      continue;
    }
    if (verb.kind === 'Dial') {
      const dialPath = `/Response/Dial[${dials + 1}]`;
      const counts = new Map<string, number>();
      const children = verb.children.map((child): DialChild => {
        const name = nounName(child);
        if (name === undefined || child.kind === 'text' || child.kind === 'element') return child;
        const position = (counts.get(name) ?? 0) + 1;
        counts.set(name, position);
        return { ...child, attributes: attributes(name, child.attributes, `${dialPath}/${name}[${position}]`) } as DialChild;
      });
      const dial: DialVerb = { kind: 'Dial', attributes: attributes('Dial', verb.attributes), children };
      const probe = `/${call}/after-dial/${dials}`;
      probePaths.push(probe);
      verbs.push(dial, { kind: 'element', name: 'Redirect', attributes: { method: 'POST' }, children: [{ kind: 'text', text: probe }] });
      dials += 1;
      continue;
    }
    verbs.push(verb.name === 'Play' || verb.name === 'Redirect' ? withUrlText(verb, (text) => moved(text, { element: verb.name, attribute: 'text' })) : verb);
  }
  return { document: { ...generated, verbs }, documentUrl: `${origin}/${call}/voice`, tags, probePaths };
}

function withUrlText(verb: GenericElement, move: (text: string) => string): GenericElement {
  const text = verb.children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
  return text.trim() === '' ? verb : { ...verb, children: [{ kind: 'text', text: move(text) }] };
}
