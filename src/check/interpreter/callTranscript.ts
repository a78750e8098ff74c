import type { DerivedRequest, DialTrace } from '../../model/trace.js';
import { describeRequest } from './compareCall.js';
import type { CallPlay, PlayedRequest, SentEvent } from './playCall.js';

/** The outcome script as sent: one line per event, with its virtual time (seconds of the call). */
export function eventLines(events: readonly SentEvent[]): string[] {
  return events.map((sent) => {
    const { kind, ...rest } = sent.event;
    const detail = Object.entries(rest).map(([name, value]) => `${name}=${typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)}`).join(' ');
    return `t=${sent.at}s ${kind}${detail === '' ? '' : ` ${detail}`}`;
  });
}

function paramsOf(request: PlayedRequest): string {
  const list = request.method === 'GET' ? request.query : request.form;
  return list.map(([name, value]) => `${name}=${value}`).join('&');
}

/** What Twilio would do: the reference's requests (times from the start of the `<Dial>`) and what runs next. */
export function expectedLines(trace: DialTrace, probe: string | undefined): string[] {
  const lines = trace.requests.map((request: DerivedRequest, index) => `${index + 1}. t=${request.at}s ${request.kind} ${describeRequest(request)}`);
  const next = trace.next;
  const after =
    next.kind === 'action'
      ? `next: the answer to request ${next.requestIndex + 1} (action) takes over; nothing after the <Dial> runs`
      : next.kind === 'continue'
        ? `next: the verb after the <Dial> runs (the probe POST ${probe ?? ''})`
        : `next: the call ends (${next.reason})`;
  return [`DialCallStatus=${trace.result.dialCallStatus}, ended by ${trace.result.endedBy}`, ...(lines.length === 0 ? ['no requests'] : lines), after];
}

/** What the interpreter did: every request after the document fetch, with its time from the start of the `<Dial>`. */
export function recordedLines(play: CallPlay, voicePath: string, probes: readonly string[]): string[] {
  const start = play.dialStart ?? 0;
  const lines = play.requests
    .filter((request) => request.path !== voicePath)
    .map((request, index) => {
      const when = request.at === undefined ? 't=?' : `t=${request.at - start}s`;
      const role = probes.includes(request.path) ? 'probe (the verb after <Dial>)' : 'request';
      return `${index + 1}. ${when} ${role} ${request.method} ${request.method === 'GET' ? request.url.split('?')[0] : request.url} ${paramsOf(request)}`;
    });
  const ended = play.endedAt === undefined ? 'the driver did not say the call ended' : `the call ended at t=${play.endedAt - start}s`;
  return [...(lines.length === 0 ? ['no requests'] : lines), ended];
}
