import type { TraceRow } from './traceRow.js';

const page = (section: string, quotes: readonly string[], rest: Omit<TraceRow, 'kind' | 'section' | 'key' | 'quotes'>): TraceRow => ({
  kind: 'page',
  section,
  key: 'fact',
  quotes,
  ...rest,
});

/** The facts of {@link PAGE_FACTS}, each traced like a sentence of the seed. */
export const PAGE_ROWS: readonly TraceRow[] = [
  page('err-12101', ['Invalid Twilio Markup XML version'], { notModelled: 'not checked yet' }),
  page('response-version', ['a Twilio version identifier'], { notModelled: 'not checked yet' }),
  page('api-versions', ['2008-08-01 and 2010-04-01'], { notModelled: 'not checked yet' }),
  page('response-nesting', ['All verbs must be nested within Response'], { rules: ['response.root', 'response.unknown-verb'] }),
  page('err-13320', ['Gather: Invalid nested verb'], { notModelled: 'not checked yet' }),
  page('gather-nesting', ['nest Say and Play verbs within a Gather'], { notModelled: 'not checked yet' }),
  page('gather-pause', ['say, play and pause'], { notModelled: 'not checked yet' }),
  page('err-13252', ['Dial: Invalid header name'], { notModelled: 'not checked yet' }),
  page('err-13253', ['Dial: Header is too long'], { notModelled: 'not checked yet' }),
  page('err-21227', ['fewer than 1024 characters'], { notModelled: 'not checked yet' }),
];
