/** How far an answer had come when its time limit passed: its status line and the body bytes read. */
export interface AnswerBegun {
  readonly status: number;
  readonly bodyBytes: number;
}

/**
 * What a timed-out exchange is called: an answer that started and then stalled after some bytes
 * (an app streaming slowly, or stuck after writing headers) reads differently from one that never
 * started (an app stuck before answering, or a connection nobody serves).
 */
export function timeoutMessage(timeoutMs: number, begun?: AnswerBegun): string {
  if (begun === undefined) return `no answer started within ${timeoutMs} ms`;
  const bytes = `${begun.bodyBytes.toLocaleString('en-US')} byte${begun.bodyBytes === 1 ? '' : 's'} read`;
  return `the answer started (${begun.status}, ${bytes}) and then stalled: no complete answer within ${timeoutMs} ms`;
}
