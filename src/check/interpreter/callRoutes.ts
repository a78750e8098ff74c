import type { AppAnswer, CallRoutes } from '../../targets/app/callApp.js';
import type { ServedDocument } from './servedDocument.js';

const XML = 'text/xml';
const HANGUP: AppAnswer = { status: 200, contentType: XML, body: '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>' };
const EMPTY: AppAnswer = { status: 200, contentType: XML, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' };
const NO_CONTENT: AppAnswer = { status: 204, body: '' };

/**
 * How the app answers one call: the document at `/cN/voice`; `<Hangup/>` to the action, referUrl and every
 * redirect (the probe included), so the call ends there; an empty `<Response/>` to a noun's `url` (a
 * whisper that plays nothing, so the bridge goes on) and other TwiML URLs; 204 to status callbacks.
 * @see carrier protocol v1, "What the kit's app serves"
 */
export function callRoutes(served: ServedDocument, xml: string, authToken: string | undefined): CallRoutes {
  const voicePath = new URL(served.documentUrl).pathname;
  const call = voicePath.split('/')[1] ?? '';
  const tagPattern = new RegExp(`^/${call}/u([0-9]+)/`);
  return {
    ...(authToken === undefined ? {} : { authToken }),
    answer(path: string): AppAnswer {
      if (path === voicePath) return { status: 200, contentType: XML, body: xml };
      if (served.probePaths.includes(path)) return HANGUP;
      const match = tagPattern.exec(path);
      const tag = match === null ? undefined : served.tags.get(Number(match[1]));
      if (tag === undefined) return { status: 404, body: '' };
      if (/callback/i.test(tag.attribute) && !/^(url|waitUrl)$/.test(tag.attribute)) return NO_CONTENT;
      if (tag.element === 'Play') return { status: 200, contentType: 'audio/mpeg', body: '' };
      if ((tag.element === 'Dial' && (tag.attribute === 'action' || tag.attribute === 'referUrl')) || tag.element === 'Redirect') return HANGUP;
      return EMPTY;
    },
  };
}
