import type { DialOutcome, VoiceRequestParams } from '../../model/outcome.js';
import type { CallApp } from '../../targets/app/callApp.js';
import type { RecordedRequest } from '../../targets/app/recordedRequest.js';
import type { CarrierDriver, DriverFailure, Exchange } from '../../targets/carrier/carrierDriver.js';
import type { CarrierEvent, DriverMessage } from '../../targets/carrier/carrierMessages.js';
import type { AddressedLeg } from './legDirectory.js';
import type { ServedDocument } from './servedDocument.js';

/** A request the interpreter made, stamped with the virtual instant it was made at (the `now` of the ack after it). */
export interface PlayedRequest extends RecordedRequest {
  readonly at?: number;
}

export interface SentEvent {
  readonly seq: number;
  /** Virtual time when it was sent. */
  readonly at: number;
  readonly event: CarrierEvent;
}

export interface AnnouncedLeg {
  readonly leg: string;
  readonly nth: number;
  readonly callSid?: string;
  readonly at: number;
}

/** Everything that happened in one call, as data. */
export interface CallPlay {
  readonly call: string;
  readonly startParams: VoiceRequestParams;
  readonly events: readonly SentEvent[];
  readonly dialing: readonly AnnouncedLeg[];
  /** Virtual time at which the `<Dial>` started (the first `dialing`). */
  readonly dialStart?: number;
  readonly endedAt?: number;
  readonly requests: readonly PlayedRequest[];
  /** Requests beyond the recording cap are only counted. */
  readonly requestCount: number;
  readonly failure?: DriverFailure;
  /** The protocol lines, `> ` sent and `< ` received. */
  readonly transcript: readonly string[];
}

/** What the player needs to know of the `<Dial>`. */
export interface DialPlan {
  readonly legs: readonly AddressedLeg[];
  /** Seconds after which an unanswered leg gives up (timeout + buffer). */
  readonly ringLimit: number;
  readonly timeLimit: number;
  /** Path prefix of the `<Dial>` action (`/c1/u0/`), when it has one. */
  readonly actionPrefix?: string;
}

export interface PlaySettings {
  readonly driver: CarrierDriver;
  readonly app: CallApp;
  readonly call: string;
  readonly served: ServedDocument;
  readonly startParams: VoiceRequestParams;
  readonly method: 'GET' | 'POST';
  readonly outcome: DialOutcome;
  readonly plan: DialPlan;
  readonly authToken?: string;
  /** Requests per call before it is a flood. */
  readonly maxRequests: number;
}

/** Far enough for every timer of a call (timeLimit up to 86400 s, timeout up to 600 s): an idle advance goes this far. */
const FAR = 90_000;
/** Kit messages per call at most: a call has a few dozen events; a driver that never lets time pass cannot loop the kit. */
const MAX_EXCHANGES = 200;
const MAX_TRANSCRIPT = 400;

interface Intent {
  readonly at: number;
  /**
   * Order at the same instant: the recording (0), an answer (1), a busy or failed leg (2), the cancel or the
   * caller's hang-up while ringing (3), then the bridge events. The sources are silent on ties; this is the
   * kit's choice, and the reference's (reference/interpret/ringLegs.ts).
   */
  readonly priority: number;
  readonly index: number;
  readonly events: readonly CarrierEvent[];
  readonly mark: () => void;
}

/**
 * Plays one call: starts it, then sends the outcome as timed events, one at a time, reacting to what the
 * driver announces (a leg's answer is timed from its own `dialing`, so sequential dialing is followed as
 * the driver does it). Time only moves by `advance`; the driver stops early where its own timers fire.
 * Events that no longer apply (a leg already ended, the `<Dial>` over) are not sent.
 * @see carrier protocol v1 (README, "Check a TwiML interpreter")
 */
export async function playCall(settings: PlaySettings): Promise<CallPlay> {
  const { driver, app, call, served, plan, outcome } = settings;
  const transcript: string[] = [];
  const events: SentEvent[] = [];
  const dialing: AnnouncedLeg[] = [];
  const requests: PlayedRequest[] = [];
  let now = 0;
  let seq = 0;
  let dialStart: number | undefined;
  let endedAt: number | undefined;
  let failure: DriverFailure | undefined;
  let dialOver = false;
  const legStart = new Map<number, number>();
  const legDone = new Set<number>();
  let answered: { index: number; at: number } | undefined;
  let interruptSent = false;
  let bridgeEndSent = false;
  let referSent = false;
  let recordingSent = false;

  const note = (line: string): void => {
    if (transcript.length < MAX_TRANSCRIPT) transcript.push(line.length > 600 ? `${line.slice(0, 600)}…` : line);
  };
  const absorb = (exchange: Exchange, kind: 'start' | 'advance' | 'event', target?: number): boolean => {
    note(`> ${exchange.sent}`);
    for (const line of exchange.received) note(`< ${line}`);
    const fresh = app.requestsOf(call).slice(requests.length);
    for (const request of fresh) requests.push(exchange.now === undefined ? request : { ...request, at: exchange.now });
    if (exchange.failure !== undefined) {
      failure = exchange.failure;
      return false;
    }
    if (app.countOf(call) > settings.maxRequests) {
      failure = { kind: 'flood', message: `the driver made ${app.countOf(call)} requests in one call (more than ${settings.maxRequests})` };
      return false;
    }
    const ackNow = exchange.now as number;
    if (ackNow < now || (kind === 'advance' && target !== undefined && ackNow > target) || (kind === 'event' && ackNow !== now)) {
      failure = { kind: 'protocol', message: `the driver acknowledged ${kind === 'advance' ? `an advance to ${target}` : `a message sent at ${now}`} with now=${ackNow}` };
      return false;
    }
    for (const message of exchange.messages) take(message, ackNow);
    for (const request of fresh) {
      if (served.probePaths.includes(request.path) || (plan.actionPrefix !== undefined && request.path.startsWith(plan.actionPrefix))) dialOver = true;
    }
    now = ackNow;
    return true;
  };
  const take = (message: DriverMessage, at: number): void => {
    if (message.type === 'ended') {
      endedAt = message.now;
      dialOver = true;
    }
    if (message.type !== 'dialing') return;
    dialStart ??= at;
    // A later dialing message (sequential dialing) means the legs announced before it are over.
    for (const index of legStart.keys()) legDone.add(index);
    for (const leg of message.legs) {
      dialing.push({ leg: leg.leg, nth: leg.nth, ...(leg.callSid === undefined ? {} : { callSid: leg.callSid }), at });
      const known = plan.legs.find((entry) => entry.dialString === leg.leg && entry.nth === leg.nth);
      if (known === undefined) continue;
      legStart.set(known.leg.index, at);
    }
  };
  const sendEvent = async (event: CarrierEvent): Promise<boolean> => {
    seq += 1;
    events.push({ seq, at: now, event });
    const exchange = await driver.exchange({ type: 'event', call, seq, event });
    return absorb(exchange, event.kind === 'advance' ? 'advance' : 'event', event.kind === 'advance' ? event.to : undefined);
  };

  const start = await driver.exchange({
    type: 'start',
    call,
    url: served.documentUrl,
    method: settings.method,
    params: settings.startParams,
    ...(settings.authToken === undefined ? {} : { authToken: settings.authToken }),
  });
  let going = absorb(start, 'start');

  const address = (index: number): { leg: string; nth: number } => {
    const entry = plan.legs[index] as AddressedLeg;
    return { leg: entry.dialString, nth: entry.nth };
  };

  const intents = (): Intent[] => {
    const list: Intent[] = [];
    if (dialStart === undefined || dialOver) return list;
    if (outcome.recording !== undefined && !recordingSent) {
      list.push({ at: dialStart, priority: 0, index: 0, events: [{ kind: 'recording', status: outcome.recording.status }], mark: () => (recordingSent = true) });
    }
    if (answered === undefined) {
      for (const [index, startedAt] of legStart) {
        const legOutcome = outcome.legs[index];
        const response = legOutcome?.response;
        if (legDone.has(index) || response === undefined || response.kind === 'ring' || response.afterSeconds >= plan.ringLimit) continue;
        const where = address(index);
        const sip = legOutcome?.sip;
        const final: CarrierEvent[] = sip === undefined ? [] : [{ kind: 'sip-final', ...where, code: sip.responseCode, callId: sip.callId, headers: sip.headers }];
        const kind = response.kind;
        list.push({
          at: startedAt + response.afterSeconds,
          priority: kind === 'answer' ? 1 : 2,
          index,
          events: [...final, { kind, ...where }],
          mark: () => {
            legDone.add(index);
            if (kind === 'answer') {
              answered = { index, at: now };
              for (const other of legStart.keys()) legDone.add(other);
            }
          },
        });
      }
      const hangupAt = outcome.callerHangupWhileRingingAt;
      const cancelAt = outcome.canceledAt;
      if (!interruptSent && (hangupAt !== undefined || cancelAt !== undefined)) {
        const byCaller = cancelAt === undefined || (hangupAt !== undefined && hangupAt <= cancelAt);
        const at = dialStart + (byCaller ? (hangupAt as number) : cancelAt);
        list.push({ at, priority: 3, index: 0, events: [byCaller ? { kind: 'hangup', party: 'caller' } : { kind: 'cancel' }], mark: () => (interruptSent = true) });
      }
      return list;
    }
    const bridge = outcome.bridge;
    const talk = Math.max(0, bridge.talkSeconds);
    const bridgeEnd = answered.at + Math.min(talk, plan.timeLimit);
    const refer = outcome.refer;
    if (refer !== undefined && !referSent && answered.at + refer.afterSeconds < bridgeEnd) {
      list.push({ at: answered.at + refer.afterSeconds, priority: 4, index: 0, events: [{ kind: 'refer', ...address(answered.index), target: refer.transferTarget }], mark: () => (referSent = true) });
    }
    if (!bridgeEndSent && talk < plan.timeLimit) {
      const ending: CarrierEvent =
        bridge.endedBy === 'caller-hangup'
          ? { kind: 'hangup', party: 'caller' }
          : bridge.endedBy === 'star'
            ? { kind: 'digits', party: 'caller', digits: '*' }
            : { kind: 'hangup', party: 'callee', ...address(answered.index) };
      list.push({ at: answered.at + talk, priority: 5, index: 0, events: [ending], mark: () => (bridgeEndSent = true) });
    }
    return list;
  };

  let idleAdvances = 0;
  for (let step = 0; going && endedAt === undefined; step += 1) {
    if (step >= MAX_EXCHANGES) {
      failure = { kind: 'protocol', message: `the call needed more than ${MAX_EXCHANGES} kit messages: the driver keeps stopping time without ending the call` };
      break;
    }
    const next = intents().sort((a, b) => a.at - b.at || a.priority - b.priority || a.index - b.index)[0];
    if (next === undefined) {
      // Nothing left for the kit to do: let the driver's own timers run (ring timeout, timeLimit, pauses).
      if (idleAdvances >= 3) break;
      idleAdvances += 1;
      const before = requests.length;
      going = await sendEvent({ kind: 'advance', to: now + FAR });
      if (going && requests.length > before) idleAdvances = 0;
      continue;
    }
    idleAdvances = 0;
    if (next.at > now) {
      going = await sendEvent({ kind: 'advance', to: next.at });
      continue;
    }
    next.mark();
    for (const event of next.events) {
      if (!going || endedAt !== undefined) break;
      going = await sendEvent(event);
    }
  }
  app.forget(call);
  return {
    call,
    startParams: settings.startParams,
    events,
    dialing,
    ...(dialStart === undefined ? {} : { dialStart }),
    ...(endedAt === undefined ? {} : { endedAt }),
    requests,
    requestCount: requests.length,
    ...(failure === undefined ? {} : { failure }),
    transcript,
  };
}
