// Relative URLs resolved against the site's root instead of the document's URL (facts §5, RFC 3986).
import { playAs } from './playAs.mjs';
import { resolveUrl } from '../../../examples/mini-emulator/webhook.mjs';

playAs('relative-url-from-root', {
  resolveUrl: (target, documentUrl) => resolveUrl(target, new URL('/', documentUrl).href),
});
