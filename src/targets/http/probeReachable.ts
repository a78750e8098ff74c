import { connect } from 'node:net';
import { classifyTransportError, type TransportFailure } from './transportFailure.js';

/**
 * Opens and closes one TCP connection to the URL's host, to tell "the target is not there" (a usage
 * problem: exit 2) from "the target answers badly" (findings). Resolves to undefined when it connects.
 */
export function probeReachable(url: URL, timeoutMs: number): Promise<{ failure: TransportFailure; message: string } | undefined> {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ failure: 'connect-timeout', message: `no TCP connection to ${url.host} within ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ failure: classifyTransportError(error, false), message: `cannot connect to ${url.host}: ${(error as Error).message}` });
    });
  });
}
