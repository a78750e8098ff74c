import fc from 'fast-check';
import { builtOnce } from './builtOnce.js';

export interface TwilioUrlConstraints {
  /** Which forms to produce. Default both. */
  readonly forms?: readonly ('relative' | 'absolute')[];
}

const SEGMENTS = ['twiml', 'dial', 'status.php', 'handle-call', 'a_b.~c', 'ü', 'caf%C3%A9', '%20', 'v1', '中'] as const;
const HOSTS = ['example.com', 'api.example.org:8443', '127.0.0.1:3000', 'xn--bcher-kva.example', '[::1]:8080'] as const;
// No non-ASCII host: Node 20's URL.canParse (ada) starts refusing IDN hosts after some thousands of calls in one
// process, which would make the reference validator flag a valid URL. Non-ASCII stays in paths and queries.
const QUERY_PAIRS = ['x=1', 'name=O%27Brien', 'q=ü', 'a=b', 'empty=', 'list=1,2', 'sym=%26%3C%3E', 'quote="x"', "apos='y'", 'emoji=😀'] as const;

/** Built once per list of forms: every URL attribute of every element asks for one. */
const BUILT = new Map<string, fc.Arbitrary<string>>();

/**
 * A relative or absolute URL Twilio would request: query strings joined by `&`, percent escapes,
 * non-ASCII paths and hosts. Never white space or control characters.
 * Every piece is one the reference accepts in its place, so every URL is valid by construction, with no
 * filter through `new URL` (test/arbitraries/twilioUrl.spec.ts holds it to that).
 * @see seed attribute table ("Relative or absolute URL")
 */
export function twilioUrl(constraints: TwilioUrlConstraints = {}): fc.Arbitrary<string> {
  const forms = constraints.forms ?? ['relative', 'absolute'];
  return builtOnce(BUILT, forms.join(','), () => buildTwilioUrl(forms));
}

function buildTwilioUrl(forms: readonly ('relative' | 'absolute')[]): fc.Arbitrary<string> {
  const path = fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 3 });
  const query = fc.array(fc.constantFrom(...QUERY_PAIRS), { maxLength: 3 }).map((pairs) => (pairs.length === 0 ? '' : `?${pairs.join('&')}`));
  const fragment = fc.constantFrom('', '', '#top');
  const choices: fc.Arbitrary<string>[] = [];
  if (forms.includes('relative')) {
    choices.push(fc.tuple(fc.constantFrom('/', '', './', '../'), path, query, fragment).map(([lead, segments, q, f]) => `${lead}${segments.join('/') || 'next'}${q}${f}`));
  }
  if (forms.includes('absolute')) {
    choices.push(
      fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://'), fc.constantFrom(...HOSTS), path, query, fragment).map(
        ([scheme, host, segments, q, f]) => `${scheme}${host}/${segments.join('/')}${q}${f}`,
      ),
    );
  }
  return fc.oneof(...choices);
}
