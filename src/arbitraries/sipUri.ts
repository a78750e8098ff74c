import fc from 'fast-check';
import { MAX_SIP_URI } from '../../reference/spec/elements.js';

const USERS = ['alice', 'bob.smith', '+14155551212', 'o%27brien', 'jo&e', 'ü'] as const;
const HOSTS = ['example.com', 'sip.example.org:5061', '192.0.2.10', 'pbx.example.net;transport=tls'] as const;
const HEADERS = ['X-Customer=42', 'X-Name=O%27Brien', 'X-Tag=a%26b', 'X-Empty=', 'X-Emoji=%F0%9F%98%80', 'X-Plain=yes'] as const;

/**
 * A valid SIP URI: `sip:` or `sips:`, user and host, custom headers in the query (`?X-A=1&X-B=2`),
 * never white space inside, at most 254 characters (padded to the limit sometimes).
 * @see facts §2.4 [SIP]
 */
export function sipUri(): fc.Arbitrary<string> {
  return fc
    .record({
      scheme: fc.constantFrom('sip:', 'sips:', 'SIP:'),
      user: fc.constantFrom(...USERS),
      host: fc.constantFrom(...HOSTS),
      headers: fc.array(fc.constantFrom(...HEADERS), { maxLength: 3 }),
      pad: fc.boolean(),
      edge: fc.constantFrom('', '', ' ', '\n'),
    })
    .map(({ scheme, user, host, headers, pad, edge }) => {
      let uri = `${scheme}${user}@${host}${headers.length === 0 ? '' : `?${headers.join('&')}`}`;
      if (pad) uri += `${headers.length === 0 ? '?' : '&'}X-Pad=`.padEnd(MAX_SIP_URI - uri.length, 'p');
      return `${edge}${uri.slice(0, MAX_SIP_URI)}${edge}`;
    });
}
