import { escapeHtml } from './escapeHtml.js';

/** One request of a call and what came back, read from a finding's step line. */
export interface Exchange {
  readonly step: string;
  readonly role: string;
  readonly method: string;
  readonly url: string;
  readonly answer: string;
}

/** `step 2 action: POST http://127.0.0.1:3000/dial-status -> 500 (text/plain), 4 bytes, 3 ms` (src/check/endpoint/endpointFinding.ts). */
const EXCHANGE_LINE = /^step (\d+) ([\w-]+): ([A-Z]+) (\S+) -> (.*)$/s;

/** The exchanges among a finding's steps, in order; empty when the steps are not HTTP exchanges (a builder's calls). */
export function exchangesOf(steps: readonly string[]): Exchange[] {
  const found: Exchange[] = [];
  for (const line of steps) {
    const match = EXCHANGE_LINE.exec(line);
    if (match === null) continue;
    const [, step, role, method, url, answer] = match as unknown as [string, string, string, string, string, string];
    found.push({ step, role, method, url, answer });
  }
  return found;
}

function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** Answer timings (`, 12 ms`) are the only part of a step that changes from run to run; the picture leaves them out. */
function answerLabel(answer: string): string {
  return answer.replace(/, \d+ ms$/, '').replace(/ after \d+ ms$/, '');
}

function arrow(direction: 'right' | 'left', label: string, title: string, failing: boolean): string {
  const mark = direction === 'right' ? '<svg viewBox="0 0 10 10" class="head right" aria-hidden="true"><path d="M0 0 L10 5 L0 10 z"/></svg>' : '<svg viewBox="0 0 10 10" class="head left" aria-hidden="true"><path d="M10 0 L0 5 L10 10 z"/></svg>';
  return `<div class="msg ${direction}${failing ? ' failing' : ''}" title="${escapeHtml(title)}"><span class="label">${escapeHtml(label)}</span><div class="line">${mark}</div></div>`;
}

/**
 * The call as a sequence diagram: the kit (playing Twilio) on the left, the app on the right, each
 * request an arrow to the app and each answer an arrow back. The exchange the finding is about is the
 * last one drawn, in red.
 */
export function callSequence(exchanges: readonly Exchange[], leftName: string, rightName: string): string {
  const rows = exchanges.map((exchange, index) => {
    const failing = index === exchanges.length - 1;
    const request = arrow('right', `${exchange.method} ${shortUrl(exchange.url)}`, `${exchange.method} ${exchange.url}`, false);
    const answer = arrow('left', answerLabel(exchange.answer), exchange.answer, failing);
    return `<div class="step"><div class="tag">step ${escapeHtml(exchange.step)} · ${escapeHtml(exchange.role)}</div>${request}${answer}</div>`;
  });
  return [
    '<div class="sequence">',
    `<div class="actors"><div class="actor">${escapeHtml(leftName)}</div><div class="actor">${escapeHtml(rightName)}</div></div>`,
    `<div class="lanes">${rows.join('')}</div>`,
    '</div>',
  ].join('');
}
