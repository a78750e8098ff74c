// One <Dial> while it runs: legs ring (all at once, or one after another), one answers or none
// does, the bridge lasts until someone hangs up, `*` is pressed or timeLimit is reached; then the
// child legs, the action and the recording are reported. Time is the call's virtual clock: the
// only timer is the one `nextTimer` names, which the driver fires when the kit advances time to it.
import { asE164, dialLegs, legAddress } from './legs.mjs';

/** The attributes of a <Dial>, read through the rules. */
function settingsOf(attributes, rules) {
  const record = rules.record(attributes.record);
  const url = (name) => (attributes[name]?.trim() ? attributes[name].trim() : undefined);
  return {
    action: url('action'),
    actionMethod: rules.actionMethod(attributes),
    ringSeconds: rules.ringSeconds(rules.timeout(attributes.timeout)),
    timeLimit: rules.timeLimit(attributes.timeLimit),
    hangupOnStar: rules.hangupOnStar(attributes.hangupOnStar),
    sequential: rules.sequential(attributes.sequential),
    callerId: attributes.callerId?.trim() || undefined,
    record,
    channels: rules.recordingChannels(record, attributes.recordingTrack),
    recordingCallback: url('recordingStatusCallback'),
    recordingMethod: rules.method(attributes.recordingStatusCallbackMethod),
    recordingEvents: rules.recordingEvents(attributes.recordingStatusCallbackEvent),
    referUrl: url('referUrl'),
    referMethod: rules.method(attributes.referMethod),
  };
}

export class DialSession {
  constructor(call, element, documentUrl) {
    this.call = call;
    this.rules = call.rules;
    this.documentUrl = documentUrl;
    this.settings = settingsOf(element.attributes, this.rules);
    this.legs = dialLegs(element).map((leg) => ({ ...leg, status: 'idle', sequence: 0 }));
    this.timer = undefined;
    this.answered = undefined;
    this.recording = undefined;
    this.recordingStatus = 'completed';
    this.done = false;
  }

  /** The instant of the next timer, if one is set. */
  get nextTimer() {
    return this.timer?.at;
  }

  async start() {
    if (this.legs.length === 0) return this.finish('no-legs', undefined, true);
    await this.ring(this.settings.sequential ? [this.legs[0]] : this.legs);
    if (this.settings.record.startsWith('record-from-ringing')) this.startRecording();
  }

  /** Starts calling legs: announced to the carrier, `initiated` and `ringing` reported, the timeout set. */
  async ring(legs) {
    const { call } = this;
    for (const leg of legs) {
      leg.status = 'ringing';
      leg.startedAt = call.now;
      leg.callSid = call.newSid('CA', `leg/${call.legCount++}`);
    }
    call.announce(legs);
    for (const leg of legs) {
      this.legCallback(leg, 'initiated', 'initiated');
      // The carrier protocol has no separate "ringing" signal: a leg rings from the moment it is dialed.
      this.legCallback(leg, 'ringing', 'ringing');
    }
    this.timer = { at: call.now + this.settings.ringSeconds, fire: () => this.ringTimeout() };
  }

  async fire() {
    const { fire } = this.timer;
    this.timer = undefined;
    await fire();
  }

  /** A carrier event about this <Dial>. Events about legs that are no longer ringing are ignored. */
  async handle(event) {
    const leg = event.leg === undefined ? undefined : this.legs.find((one) => one.dialString === event.leg && one.nth === (event.nth ?? 0));
    if (event.leg !== undefined && leg === undefined) throw new Error(`this <Dial> has no leg ${JSON.stringify(event.leg)} #${event.nth ?? 0}`);
    const ringing = leg?.status === 'ringing';
    const bridgedLeg = leg !== undefined && leg === this.answered && !this.done;
    switch (event.kind) {
      case 'answer':
        if (ringing && this.answered === undefined) await this.answer(leg);
        return;
      case 'busy':
      case 'fail':
        if (ringing) await this.legEnded(leg, event.kind === 'busy' ? 'busy' : 'failed');
        return;
      case 'sip-final':
        if (leg !== undefined) leg.sip = { callId: event.callId, code: event.code, headers: event.headers ?? {} };
        return;
      case 'cancel':
        if (this.answered === undefined) await this.interrupt('canceled');
        return;
      case 'hangup':
        if (event.party === 'caller') return this.answered === undefined ? this.interrupt('caller-hangup') : this.endBridge('caller-hangup');
        if (bridgedLeg) await this.endBridge('callee-hangup');
        return;
      case 'digits':
        // @see seed §hangupOnStar: only the caller's `*`, only while bridged, only with hangupOnStar="true"
        if (this.answered !== undefined && this.settings.hangupOnStar && event.digits.includes('*')) await this.endBridge('star');
        return;
      case 'refer':
        if (bridgedLeg) await this.refer(event.target);
        return;
      case 'recording':
        this.recordingStatus = event.status;
        return;
      default:
        throw new Error(`unknown event kind ${JSON.stringify(event.kind)}`);
    }
  }

  /** @see seed §timeout (no answer before timeout + buffer: no-answer) */
  async ringTimeout() {
    const ringing = this.legs.filter((leg) => leg.status === 'ringing');
    for (const leg of ringing.slice(0, -1)) this.endLeg(leg, 'no-answer');
    await this.legEnded(ringing.at(-1), 'no-answer');
  }

  /** A leg ended unanswered: the next leg rings (sequential), or the <Dial> ends once no leg rings. */
  async legEnded(leg, status) {
    this.endLeg(leg, status);
    const next = this.legs[leg.index + 1];
    if (this.settings.sequential && next !== undefined) return this.ring([next]);
    if (this.legs.some((other) => other.status === 'ringing')) return;
    // Which unanswered leg names the status when they end differently: the sources are silent;
    // the last to end (the later in document order at the same instant).
    const last = this.legs.filter((other) => other.endedAt !== undefined).reduce((a, b) => (b.endedAt >= a.endedAt ? b : a));
    this.timer = undefined;
    await this.finish(last.status, last, true);
  }

  /** The REST API cancels the dialed call, or the caller hangs up, before anyone answers. */
  async interrupt(end) {
    const ringing = this.legs.filter((leg) => leg.status === 'ringing');
    for (const leg of ringing) this.endLeg(leg, 'canceled');
    this.timer = undefined;
    await this.finish(end, ringing[0], end !== 'caller-hangup');
  }

  /** @see facts §2.1 (the first to answer wins, the others are hung up) */
  async answer(leg) {
    const { call } = this;
    leg.status = 'answered';
    leg.answeredAt = call.now;
    this.answered = leg;
    const others = this.legs.filter((other) => other.status === 'ringing');
    await this.whisper(leg);
    this.legCallback(leg, 'answered', 'in-progress');
    if (this.settings.record.startsWith('record-from-answer')) this.startRecording();
    for (const other of others) this.endLeg(other, 'canceled');
    // @see seed §timeLimit (counted from the answer: "two minutes into the phone call")
    this.timer = { at: call.now + this.settings.timeLimit, fire: () => this.endBridge('time-limit') };
  }

  /**
   * A noun's `url` is fetched on the answered leg before the bridge (facts §2.2); a <Queue>'s on
   * the dequeued caller's leg (facts §2.6). Its TwiML is for the callee's ear: fetched, not played.
   */
  async whisper(leg) {
    const target = leg.attributes.url?.trim();
    if (!target || leg.kind === 'Conference') return;
    const { call } = this;
    const params = leg.kind === 'Queue'
      ? {
          AccountSid: call.params.AccountSid,
          ApiVersion: call.apiVersion,
          // The dequeued call is answered; its own From/To are not known to the carrier protocol.
          // @see https://www.twilio.com/docs/voice/twiml/queue (the standard parameters, then the Queue ones)
          CallStatus: 'in-progress',
          QueueSid: call.newSid('QU', `queue/${leg.dialString}`),
          CallSid: leg.callSid,
          // The carrier protocol does not say how long the dequeued caller waited.
          QueueTime: '0',
          DequeingCallSid: call.params.CallSid,
        }
      : { ...this.childParams(leg, 'in-progress') };
    await call.fetch('url', target, this.rules.method(leg.attributes.method), params, this.documentUrl);
  }

  /** The bridge ends: the answered leg completes, then the <Dial>. */
  async endBridge(by) {
    const leg = this.answered;
    const talk = this.call.now - leg.answeredAt;
    leg.status = 'completed';
    leg.endedAt = this.call.now;
    const extra = { CallDuration: String(this.rules.durationSeconds(talk)), ...this.recordingParams() };
    this.legCallback(leg, 'completed', 'completed', extra);
    this.timer = undefined;
    await this.finish('answered', leg, by !== 'caller-hangup');
  }

  /** @see seed §referUrl (ReferTransferTarget plus the standard parameters); facts §2.7 (not with <Application>) */
  async refer(target) {
    const { referUrl, referMethod } = this.settings;
    if (referUrl === undefined || this.answered.kind === 'Application') return;
    const params = { ...this.call.parentParams(true), ReferTransferTarget: target };
    await this.call.fetch('referUrl', referUrl, referMethod, params, this.documentUrl);
  }

  endLeg(leg, status) {
    leg.status = status;
    leg.endedAt = this.call.now;
    this.legCallback(leg, 'completed', status, { CallDuration: '0' });
  }

  /** Parameters of a request about a child leg (facts §3.5: ParentCallSid on every leg but the first). */
  childParams(leg, callStatus) {
    const { call } = this;
    return {
      AccountSid: call.params.AccountSid,
      ApiVersion: call.apiVersion,
      CallSid: leg.callSid,
      CallStatus: callStatus,
      Direction: 'outbound-dial',
      From: this.settings.callerId === undefined ? call.params.From ?? '' : asE164(this.settings.callerId),
      // facts §2.7: <Application copyParentTo="true"> passes the parent's To instead of the ApplicationSid.
      To: leg.kind === 'Application' && leg.attributes.copyParentTo === 'true' ? call.params.To : legAddress(leg),
      ParentCallSid: call.params.CallSid,
    };
  }

  /** A child leg's statusCallback, when its noun has one and selected the event. @see facts §4.2 */
  legCallback(leg, event, callStatus, extra = {}) {
    const target = leg.attributes.statusCallback?.trim();
    if (!target || !this.rules.statusCallbackNouns.has(leg.kind)) return;
    if (!this.rules.statusEvents(leg.attributes.statusCallbackEvent).includes(event)) return;
    const params = {
      ...this.childParams(leg, callStatus),
      ...(event === 'completed' ? extra : {}),
      Timestamp: this.call.timestamp(this.call.now),
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(leg.sequence++),
    };
    this.call.callback(`leg/${leg.index}`, target, this.rules.method(leg.attributes.statusCallbackMethod), params, this.documentUrl);
  }

  /** @see seed §record (from the ringing or from the answer) */
  startRecording() {
    const { call } = this;
    const sid = call.newSid('RE', `recording/${call.dialCount}`);
    const url = `https://api.twilio.com/2010-04-01/Accounts/${call.params.AccountSid}/Recordings/${sid}`;
    this.recording = { sid, url, startedAt: call.now };
    this.recordingCallback('in-progress');
  }

  recordingParams() {
    if (this.recording === undefined) return {};
    const seconds = this.rules.durationSeconds(this.call.now - this.recording.startedAt);
    return { RecordingUrl: this.recording.url, RecordingSid: this.recording.sid, RecordingDuration: String(seconds) };
  }

  /** @see seed §recordingStatusCallback (parameters; CallSid is the parent's), §recordingStatusCallbackEvent */
  recordingCallback(status) {
    const { recordingCallback, recordingEvents, recordingMethod, channels } = this.settings;
    if (recordingCallback === undefined || !recordingEvents.includes(status)) return;
    const { call, recording } = this;
    const params = {
      AccountSid: call.params.AccountSid,
      CallSid: call.params.CallSid,
      RecordingSid: recording.sid,
      RecordingUrl: recording.url,
      RecordingStatus: status,
      ...(status === 'completed' ? { RecordingDuration: this.recordingParams().RecordingDuration } : {}),
      RecordingChannels: String(channels),
      RecordingStartTime: call.timestamp(recording.startedAt),
      RecordingSource: 'DialVerb',
    };
    call.callback('recording', recordingCallback, recordingMethod, params, this.documentUrl);
  }

  /**
   * The <Dial> is over: the action is requested (its TwiML may take over), the recording is
   * reported, and the call goes on as the rules say.
   */
  async finish(end, leg, callerOnLine) {
    const { call, rules, settings } = this;
    this.done = true;
    const bridged = this.answered !== undefined;
    const result = {
      status: rules.dialCallStatus({ end, leg }),
      leg,
      bridged,
      talkSeconds: bridged ? rules.durationSeconds(this.answered.endedAt - this.answered.answeredAt) : 0,
      recording: this.recording,
      callerOnLine,
    };
    let answer;
    if (settings.action !== undefined && rules.actionWanted(result)) {
      const params = { ...call.parentParams(callerOnLine), ...rules.dialParams(result) };
      answer = await call.fetch('action', settings.action, settings.actionMethod, params, this.documentUrl);
    }
    if (this.recording !== undefined) this.recordingCallback(this.recordingStatus);
    await call.flush();
    await call.afterDial(rules.afterDial({ actionRequested: answer !== undefined, callerOnLine }), answer);
  }
}
