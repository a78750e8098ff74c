import type { DialTrace } from '../../src/model/trace.js';

/** The trace as lines of text for people: result, requests with their parameters, what runs next, assumptions. */
export function describeTrace(trace: DialTrace): string {
  const { result, next } = trace;
  const lines: string[] = [];
  const answered = result.answeredLeg === undefined ? 'not answered' : `leg ${result.answeredLeg} answered after ${result.ringSeconds} s, talked ${result.talkSeconds} s`;
  lines.push(`result: DialCallStatus=${result.dialCallStatus}, ${result.bridged ? 'bridged' : 'not bridged'}, ${answered}, ended by ${result.endedBy}`);
  if (result.answerOnBridge) lines.push('answerOnBridge: the inbound call rings until the bridge');
  lines.push(trace.requests.length === 0 ? 'requests: none' : `requests: ${trace.requests.length}`);
  trace.requests.forEach((request, index) => {
    const noun = request.nounPath === undefined ? '' : ` (${request.nounPath})`;
    lines.push(`  ${index + 1}. t=${request.at}s ${request.kind}${noun} ${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.params)) lines.push(`       ${name}=${value}`);
  });
  if (next.kind === 'action') lines.push(`next: the TwiML answered to request ${next.requestIndex + 1} (action) takes over the call`);
  else if (next.kind === 'continue') lines.push(`next: continue with <${next.verbName}> (verb ${next.verbIndex})`);
  else lines.push(`next: the call ends (${next.reason})`);
  if (trace.assumptions.length > 0) {
    lines.push('assumptions:');
    for (const note of trace.assumptions) lines.push(`  - ${note}`);
  }
  return lines.join('\n');
}
