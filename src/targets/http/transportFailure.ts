/**
 * Why no complete answer came back. Each maps to the Twilio code Twilio logs for it (facts §1.3):
 * `refused` 11202, `connect-timeout` 11201, `timeout` 11200/11205 (15 s total), `reset` 11200,
 * `protocol` 11206, `dns` 11210. `aborted` is the kit's own cancellation, never the target's fault.
 */
export type TransportFailure = 'refused' | 'connect-timeout' | 'timeout' | 'reset' | 'protocol' | 'dns' | 'aborted' | 'other';

/** Twilio's code for a transport failure. @see facts §1.3 (11200–11210) */
export function transportFailureCode(failure: TransportFailure): number {
  switch (failure) {
    case 'refused':
      return 11202;
    case 'connect-timeout':
      return 11201;
    case 'protocol':
      return 11206;
    case 'dns':
      return 11210;
    default:
      return 11200;
  }
}

/** Reads undici's and Node's error codes into the kit's names. */
export function classifyTransportError(error: unknown, deadlinePassed: boolean): TransportFailure {
  if (deadlinePassed) return 'timeout';
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const name = error instanceof Error ? error.name : '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'connect-timeout';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') return 'reset';
  if (code.startsWith('HPE_') || code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_INFO') {
    return 'protocol';
  }
  if (name === 'HTTPParserError') return 'protocol';
  if (code === 'UND_ERR_ABORTED' || name === 'AbortError') return 'aborted';
  return 'other';
}
