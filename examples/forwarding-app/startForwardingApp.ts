/**
 * A small call-forwarding voice app, written the way a team would write one: plain node:http, the
 * `twilio` helper for TwiML and for checking `X-Twilio-Signature`. It is the kit's example of a
 * correct endpoint: `dial-kit endpoint` finds nothing wrong with it, whoever calls.
 *
 *   POST|GET /voice                   greets the caller and forwards the call to one number; a call
 *                                     from a Voice SDK client (From client:…) or a SIP endpoint
 *                                     (From sip:…) has no phone number to show, so the forwarded leg
 *                                     shows the app's own number (`callerId`)
 *   POST|GET /voice/dial-status       the <Dial> action: hangs up after an answered call, otherwise
 *                                     takes a voicemail (<Say>, then <Record>)
 *   POST|GET /voice/voicemail         the <Record> action: thanks the caller and hangs up (also when
 *                                     the caller hung up while recording, Digits=hangup)
 *   POST|GET /voice/call-status       status callbacks of the forwarded leg (answered 204)
 *   POST|GET /voice/recording-status  recording status callbacks of the call and the voicemail (204)
 *
 * examples/forwarding-app/expectations.json says what each DialCallStatus must lead to.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface ForwardingAppOptions {
  /** Port to listen on; 0 picks a free one. */
  readonly port?: number;
  /** The account's auth token: every request must carry a valid signature made with it. */
  readonly authToken: string;
  /** Where calls are forwarded. */
  readonly forwardTo?: string;
  /** The app's own Twilio number, shown as caller ID when the caller has no phone number (client:, sip:). */
  readonly callerId?: string;
  /** Longest voicemail, in seconds. */
  readonly voicemailSeconds?: number;
  /** The URL Twilio is configured with, when the app runs behind a proxy; default: what the Host header says. */
  readonly publicBaseUrl?: string;
}

export interface ForwardingApp {
  /** The voice URL to configure (and to point `dial-kit endpoint` at). */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 64 * 1024;

type Params = Record<string, string | string[]>;

function readForm(request: IncomingMessage): Promise<Params | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_FORM_BYTES) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(toParams(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))));
    request.on('error', reject);
  });
}

function toParams(search: URLSearchParams): Params {
  const params: Params = {};
  for (const [name, value] of search) {
    const previous = params[name];
    params[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

function first(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Characters XML 1.0 cannot carry: a caller name is outside the app's control, so they are dropped, not sent. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function send(response: ServerResponse, status: number, contentType: string | undefined, body: string): void {
  response.writeHead(status, contentType === undefined ? {} : { 'content-type': contentType });
  response.end(body);
}

interface Settings {
  readonly forwardTo: string;
  readonly callerId: string;
  readonly voicemailSeconds: number;
}

/**
 * A call from a Voice SDK client or a SIP endpoint has a From that is no phone number: Twilio needs a
 * callerId to dial a number from a client (13214), and the app's own number is one it may show.
 */
function needsCallerId(params: Params): boolean {
  const from = first(params, 'From') ?? '';
  return from.startsWith('client:') || from.startsWith('sip:');
}

function voice(params: Params, settings: Settings): string {
  const twiml = new twilio.twiml.VoiceResponse();
  const name = xmlSafe(first(params, 'CallerName') ?? '').trim();
  twiml.say(name === '' ? 'Thanks for calling. Connecting you now.' : `Thanks for calling, ${name}. Connecting you now.`);
  const dial = twiml.dial({
    action: '/voice/dial-status',
    method: 'POST',
    timeout: 20,
    ...(needsCallerId(params) ? { callerId: settings.callerId } : {}),
    record: 'record-from-answer-dual',
    recordingStatusCallback: '/voice/recording-status',
    recordingStatusCallbackEvent: ['completed', 'absent'],
  });
  dial.number(
    { statusCallback: '/voice/call-status', statusCallbackMethod: 'POST', statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] },
    settings.forwardTo,
  );
  return twiml.toString();
}

function dialStatus(params: Params, settings: Settings): string {
  const twiml = new twilio.twiml.VoiceResponse();
  const status = first(params, 'DialCallStatus');
  if (status === 'completed' || status === 'answered') {
    twiml.hangup();
    return twiml.toString();
  }
  twiml.say('Sorry, nobody could take your call. Please leave a message after the tone.');
  twiml.record({
    action: '/voice/voicemail',
    method: 'POST',
    maxLength: settings.voicemailSeconds,
    playBeep: true,
    recordingStatusCallback: '/voice/recording-status',
    recordingStatusCallbackMethod: 'POST',
  });
  // A fallback, should <Record> end without a message and the call go on to the next verb.
  twiml.say('No message was recorded. Goodbye.');
  twiml.hangup();
  return twiml.toString();
}

/** After the voicemail; when the caller hung up (Digits=hangup) Twilio discards this answer, so it is the same. */
function voicemail(): string {
  const twiml = new twilio.twiml.VoiceResponse();
  twiml.say('Thanks, your message was recorded. Goodbye.');
  twiml.hangup();
  return twiml.toString();
}

/** Starts the app on 127.0.0.1. */
export async function startForwardingApp(options: ForwardingAppOptions): Promise<ForwardingApp> {
  const settings: Settings = {
    forwardTo: options.forwardTo ?? '+15558675310',
    callerId: options.callerId ?? '+15558675309',
    voicemailSeconds: options.voicemailSeconds ?? 120,
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', 'internal error');
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const base = options.publicBaseUrl ?? `http://${request.headers.host ?? '127.0.0.1'}`;
    const url = `${base}${request.url ?? '/'}`;
    const { pathname, searchParams } = new URL(url);
    let params: Params;
    if (request.method === 'POST') {
      const form = await readForm(request);
      if (form === undefined) return send(response, 413, 'text/plain', 'request too large');
      params = form;
    } else if (request.method === 'GET') {
      params = toParams(searchParams);
    } else {
      return send(response, 405, 'text/plain', 'method not allowed');
    }
    // For a GET the parameters are in the signed URL itself, so nothing is appended to it.
    const signature = request.headers['x-twilio-signature'];
    const signed = typeof signature === 'string' && twilio.validateRequest(options.authToken, signature, url, request.method === 'GET' ? {} : params);
    if (!signed) return send(response, 403, 'text/plain', 'invalid signature');

    switch (pathname) {
      case '/voice':
        return send(response, 200, 'text/xml', voice(params, settings));
      case '/voice/dial-status':
        return send(response, 200, 'text/xml', dialStatus(params, settings));
      case '/voice/voicemail':
        return send(response, 200, 'text/xml', voicemail());
      case '/voice/call-status':
      case '/voice/recording-status':
        response.writeHead(204).end();
        return;
      default:
        return send(response, 404, 'text/plain', 'not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.publicBaseUrl ?? `http://127.0.0.1:${port}`}/voice`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
