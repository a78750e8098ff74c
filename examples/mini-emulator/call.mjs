// One call: fetch the first document, run its verbs, hand over to a <Dial> while it runs, and go on
// as the <Dial> decides (the action's TwiML, the next verb, or the end). Every request goes through
// `fetch` (TwiML expected) or `callback` (status callbacks, sent in a batch at each instant).
import { DialSession } from './dial.mjs';
import { parseTwiml, textOf } from './twiml.mjs';
import { sendWebhook } from './webhook.mjs';

/** Documents one call may fetch before the emulator calls it a loop (Redirect to itself, say). */
const MAX_DOCUMENTS = 50;

export class Call {
  /** `start` is the carrier's start message; `send` writes a protocol message to the kit. */
  constructor(start, { rules, send }) {
    this.id = start.call;
    this.rules = rules;
    this.send = send;
    this.start = { url: start.url, method: start.method === 'GET' ? 'GET' : 'POST' };
    this.params = start.params;
    this.apiVersion = start.params.ApiVersion ?? '2010-04-01';
    this.authToken = rules.signs ? start.authToken : undefined;
    this.origin = new URL(start.url).origin;
    this.now = 0;
    this.ended = false;
    this.dial = undefined;
    this.program = undefined;
    this.documents = 0;
    this.outbox = [];
    this.legCount = 0;
    this.dialCount = 0;
  }

  /** Places the call: Twilio's first request, with the parameters exactly as given (facts §3.5). */
  async begin() {
    try {
      await this.fetchAndRun(this.start.url, this.start.method, this.params, this.start.url);
      await this.flush();
    } catch (error) {
      this.fail(error.message);
      this.end();
    }
  }

  /** A carrier event. `advance` stops early at the <Dial>'s own timer (carrier protocol). */
  async event(event) {
    if (this.ended) throw new Error('the call is over');
    if (event.kind === 'advance') {
      const at = this.dial?.nextTimer;
      if (at !== undefined && at <= event.to) {
        this.now = Math.max(this.now, at);
        await this.dial.fire();
      } else {
        this.now = Math.max(this.now, event.to);
      }
    } else if (this.dial === undefined) {
      throw new Error(`no <Dial> is running for event ${event.kind}`);
    } else {
      await this.dial.handle(event);
    }
    await this.flush();
  }

  /** Standard parameters of a request about the parent call, CallStatus brought up to date (facts §3.5). */
  parentParams(callerOnLine) {
    return { ...this.params, CallStatus: this.rules.parentCallStatus(callerOnLine) };
  }

  newSid(prefix, label) {
    return this.rules.newSid(prefix, this.params.CallSid, label);
  }

  /** RFC 2822, GMT, as Twilio writes dates (facts §3.5). */
  timestamp(at) {
    return new Date(this.rules.epochMs + at * 1000).toUTCString().replace(/GMT$/, '+0000');
  }

  announce(legs) {
    const announced = legs.map(({ dialString, nth, kind, callSid }) =>
      kind === 'Conference' || kind === 'Queue' ? { leg: dialString, nth } : { leg: dialString, nth, callSid });
    this.send({ type: 'dialing', call: this.id, legs: announced });
  }

  fail(message) {
    this.send({ type: 'error', call: this.id, message });
  }

  end() {
    if (this.ended) return;
    this.ended = true;
    this.dial = undefined;
    this.send({ type: 'ended', call: this.id, now: this.now });
  }

  /** Queues a status callback; `source` groups the callbacks of one leg or of the recording. */
  callback(source, target, method, params, documentUrl) {
    this.outbox.push({ source, target, method, params, documentUrl });
  }

  /** Sends the queued status callbacks. Their answers are not executed (facts §4.2). */
  async flush() {
    const queued = this.rules.callbackOrder(this.outbox.splice(0));
    for (const { target, method, params, documentUrl } of queued) await this.request(target, method, params, documentUrl);
  }

  /**
   * A request whose answer is TwiML; returns `{ url, body }`, or undefined when the URL is not
   * usable (then nothing is requested: 11100) or the request failed (then the call ends).
   */
  async fetch(kind, target, method, params, documentUrl) {
    await this.flush();
    if (this.rules.resolveUrl(target, documentUrl) === undefined) return undefined;
    const answer = await this.request(target, method, params, documentUrl);
    if (answer === undefined || answer.status < 200 || answer.status > 299) {
      this.fail(`the ${kind} request to ${JSON.stringify(target)} got ${answer === undefined ? 'no answer' : `HTTP ${answer.status}`}; the call ends`);
      this.end();
      return undefined;
    }
    return answer;
  }

  async request(target, method, params, documentUrl) {
    const url = this.rules.resolveUrl(target, documentUrl);
    if (url === undefined) return undefined;
    try {
      const answer = await sendWebhook({ url, method, params, authToken: this.authToken, origin: this.origin });
      return { ...answer, url: url.href };
    } catch (error) {
      this.fail(`request to ${url.href} failed: ${error.message}`);
      return undefined;
    }
  }

  async fetchAndRun(target, method, params, base) {
    this.documents += 1;
    if (this.documents > MAX_DOCUMENTS) {
      this.fail(`more than ${MAX_DOCUMENTS} documents in one call; the call ends`);
      return this.end();
    }
    const answer = await this.fetch('TwiML', target, method, params, base);
    if (this.ended) return undefined;
    if (answer === undefined) {
      this.fail(`${JSON.stringify(target)} is not an http(s) URL; the call ends`);
      return this.end();
    }
    return this.run(answer);
  }

  async run(answer) {
    let root;
    try {
      root = parseTwiml(answer.body);
    } catch (error) {
      this.fail(`${answer.url}: ${error.message}; the call ends`);
      return this.end();
    }
    this.program = { verbs: root.children.filter((node) => typeof node !== 'string'), next: 0, url: answer.url };
    return this.resume();
  }

  /** Runs verbs until a <Dial> starts or the call ends. */
  async resume() {
    const program = this.program;
    while (program.next < program.verbs.length) {
      const verb = program.verbs[program.next];
      program.next += 1;
      switch (verb.name) {
        case 'Say':
        case 'Play':
        case 'Pause':
          // No audio in an emulator, and no virtual time passes outside a <Dial>.
          continue;
        case 'Hangup':
        case 'Reject':
          // https://www.twilio.com/docs/voice/twiml/hangup, https://www.twilio.com/docs/voice/twiml/reject
          return this.end();
        case 'Redirect': {
          // https://www.twilio.com/docs/voice/twiml/redirect: method defaults to POST; an empty URL is this document.
          const method = this.rules.method(verb.attributes.method);
          return this.fetchAndRun(textOf(verb).trim(), method, this.parentParams(true), program.url);
        }
        case 'Dial':
          this.dialCount += 1;
          this.dial = new DialSession(this, verb, program.url);
          return this.dial.start();
        default:
          this.fail(`<${verb.name}> is not supported by mini-emulator; the call ends`);
          return this.end();
      }
    }
    return this.end();
  }

  /** After a <Dial>: `next` is what the rules decided; `answer` the action's answer, if requested. */
  async afterDial(next, answer) {
    this.dial = undefined;
    if (this.ended) return undefined;
    if (next === 'end') return this.end();
    if (next === 'action') return this.run(answer);
    return this.resume();
  }
}
