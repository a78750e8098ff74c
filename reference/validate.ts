import type { Diagnostic } from '../src/model/diagnostic.js';
import type { DialNoun, DialVerb, NounName, ParameterElement } from '../src/model/dial.js';
import type { AttributeMap, GenericElement, TwimlDocument } from '../src/model/document.js';
import { parseTwiml } from '../src/xml/parse.js';
import { describeAllowed } from './describeAllowed.js';
import { ruleById } from './rules.js';
import { closestName } from './closestName.js';
import { attributeSpec, attributesOf, type ElementName } from './spec/attributes.js';
import {
  GATHER_CHILDREN,
  isVoiceVerb,
  MAX_CALL_LEGS,
  MAX_QUEUE_NAME,
  MAX_QUEUE_NAME_ENQUEUE_PAGE,
  NOUNS,
  nounSpec,
  RESPONSE_VERSIONS,
  VOICE_VERBS,
} from './spec/elements.js';
import { contentProblem, sipHeaderProblem, valueProblem, type ValueContext } from './values.js';

/**
 * How to read what the sources leave open. Each option names a choice the kit could not take from
 * Twilio's documentation; the defaults are the cautious readings.
 */
export interface ValidateOptions {
  /** The account has "24-Hour Maximum Call Duration" on: timeLimit may go up to 86400 (seed §timeLimit). Default false. */
  readonly allow24HourCalls?: boolean;
  /**
   * `documented`: report only the noun combinations the current docs forbid (more than 10 legs, Application
   * with anything else), and accept a callerId that suits at least one of mixed nouns. `conservative`
   * (default): also report what the docs do not address (a bare number mixed with nouns, Conference or
   * Queue beside other nouns, several Sip nouns), and want a callerId that suits every noun dialed
   * (seed §callerId gives each noun's forms, never what one callerId does to mixed nouns).
   */
  readonly combinations?: 'documented' | 'conservative';
  /** Largest document accepted, in bytes (default 65536, Twilio's limit, 11750). */
  readonly maxBytes?: number;
  /**
   * The sources disagree on the longest queue name (facts §8.9): error 14213 says "shorter than 64"
   * (`shorter-than-64`, the default, since it is the text of the error Twilio reports), the Enqueue page
   * says "64 characters or less" (`64-or-less`).
   */
  readonly queueNameLimit?: 'shorter-than-64' | '64-or-less';
}

export interface XmlValidation {
  /** The document, when the text was well-formed XML. */
  readonly document: TwimlDocument | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

interface Walk {
  readonly options: Required<Omit<ValidateOptions, 'maxBytes'>>;
  readonly diagnostics: Diagnostic[];
}

function report(walk: Walk, ruleId: string, path: string, message: string): void {
  const rule = ruleById(ruleId);
  if (rule.gate === 'conservative-combinations' && walk.options.combinations !== 'conservative') return;
  walk.diagnostics.push({ ruleId, severity: rule.severity, code: rule.code, path, message });
}

/** Parses and validates TwiML text. Problems with the XML itself come back as one diagnostic with line and column. */
export function validateXml(xml: string, options: ValidateOptions = {}): XmlValidation {
  const parsed = parseTwiml(xml, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  if (!parsed.ok) {
    const ruleId = parsed.error.problem === 'size' ? 'xml.size' : parsed.error.problem === 'dtd' ? 'xml.dtd' : 'xml.malformed';
    const rule = ruleById(ruleId);
    const position = parsed.error.line === undefined ? {} : { line: parsed.error.line, column: parsed.error.column ?? 1 };
    const where = parsed.error.line === undefined ? '' : ` at line ${parsed.error.line}, column ${parsed.error.column ?? 1}`;
    return {
      document: undefined,
      diagnostics: [{ ruleId, severity: rule.severity, code: rule.code, path: '/', message: `${parsed.error.message}${where}`, ...position }],
    };
  }
  return { document: parsed.document, diagnostics: validate(parsed.document, options) };
}

/** Every rule the document breaks, as data, in document order. */
export function validate(document: TwimlDocument, options: ValidateOptions = {}): Diagnostic[] {
  const walk: Walk = {
    options: {
      allow24HourCalls: options.allow24HourCalls ?? false,
      combinations: options.combinations ?? 'conservative',
      queueNameLimit: options.queueNameLimit ?? 'shorter-than-64',
    },
    diagnostics: [],
  };
  const rootPath = `/${document.root}`;
  if (document.root !== 'Response') {
    report(walk, 'response.root', rootPath, `the root element is <${document.root}>; a TwiML document must have <Response> as its root`);
  } else {
    validateResponseAttributes(walk, document.attributes, rootPath);
  }
  const counts = new Map<string, number>();
  for (const verb of document.verbs) {
    if (verb.kind === 'text') continue;
    const name = verb.kind === 'Dial' ? 'Dial' : verb.name;
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    const path = `${rootPath}/${name}[${index}]`;
    if (verb.kind === 'Dial') validateDial(walk, verb, path);
    else if (!isVoiceVerb(verb.name)) {
      const meant = closestName(verb.name, VOICE_VERBS);
      report(walk, 'response.unknown-verb', path, `<${verb.name}> is not a TwiML voice verb${meant === undefined ? '' : `; did you mean <${meant}>?`}`);
    } else validateNesting(walk, verb, path);
  }
  return walk.diagnostics;
}

/** @see page §err-12101; page §response-version; page §api-versions; facts §1.2 12200 */
function validateResponseAttributes(walk: Walk, attributes: AttributeMap, path: string): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'version') {
      report(walk, 'response.unknown-attribute', attributePath(path, name), `<Response> has no attribute named ${name} (value ${JSON.stringify(value)}); its only attribute is version`);
    } else if (!RESPONSE_VERSIONS.includes(value)) {
      report(walk, 'response.version', attributePath(path, 'version'), `version=${JSON.stringify(value)} on <Response>: must be a Twilio API version, ${RESPONSE_VERSIONS.join(' or ')}`);
    }
  }
}

/**
 * What a verb other than `<Dial>` holds: `<Gather>` holds only `<Say>`, `<Play>` and `<Pause>` (13320);
 * a `<Dial>` anywhere below a verb is out of place (12200). Other children of other verbs (SSML in
 * `<Say>`, `<Parameter>` in `<Connect>`, …) are outside the kit's scope.
 * @see page §err-13320; page §gather-nesting; page §gather-pause; page §response-nesting
 */
function validateNesting(walk: Walk, verb: GenericElement, path: string): void {
  const counts = new Map<string, number>();
  for (const child of verb.children) {
    if (child.kind !== 'element') continue;
    const index = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, index);
    const childPath = `${path}/${child.name}[${index}]`;
    if (verb.name === 'Gather' && !GATHER_CHILDREN.includes(child.name)) {
      report(walk, 'gather.child.invalid', childPath, `<Gather> may not hold <${child.name}>; only ${GATHER_CHILDREN.map((name) => `<${name}>`).join(', ')} nest in it`);
    } else if (child.name === 'Dial') {
      report(walk, 'dial.nested', childPath, `<Dial> is nested in <${verb.name}>; it must stand directly in <Response>`);
    } else validateNesting(walk, child, childPath);
  }
}

/** An attribute's path, written only for a diagnostic: most attributes have none. */
function attributePath(elementPath: string, name: string): string {
  return `${elementPath}/@${name}`;
}

function validateAttributes(walk: Walk, element: ElementName, attributes: AttributeMap, path: string, context: ValueContext): void {
  const prefix = element.toLowerCase();
  for (const name of Object.keys(attributes)) {
    const value = attributes[name] as string;
    const spec = attributeSpec(element, name);
    if (spec === undefined) {
      const known = [...attributesOf(element).keys()];
      const meant = closestName(name, known);
      const hint = meant !== undefined ? `; did you mean ${meant}?` : known.length === 0 ? '; it takes no attributes' : `; its attributes are ${known.join(', ')}`;
      report(walk, `${prefix}.unknown-attribute`, attributePath(path, name), `<${element}> has no attribute named ${name} (value ${JSON.stringify(value)})${hint}`);
      continue;
    }
    const problem = valueProblem(spec.value, value, context);
    if (problem !== undefined) {
      const allowed = describeAllowed(spec.value, context.allow24HourCalls, context.nouns, context.callerIdForEveryNoun !== false);
      report(walk, `${prefix}.${name}.${problem}`, attributePath(path, name), `${name}=${JSON.stringify(value)} on <${element}>: must be ${allowed}`);
    }
  }
}

function validateDial(walk: Walk, dial: DialVerb, path: string): void {
  const nouns: (NounName | 'text')[] = [];
  for (const child of dial.children) {
    if (child.kind === 'text') nouns.push('text');
    else if (child.kind !== 'element') nouns.push(child.kind);
  }
  validateAttributes(walk, 'Dial', dial.attributes, path, {
    nouns,
    allow24HourCalls: walk.options.allow24HourCalls,
    callerIdForEveryNoun: walk.options.combinations === 'conservative',
  });

  // @see facts §2.1, §2.8 [WA]: dialing <WhatsApp> requires callerId="whatsapp:+…"; its form is dial.callerId.format.
  if (nouns.includes('WhatsApp') && dial.attributes.callerId === undefined) {
    report(walk, 'dial.whatsapp.no-caller-id', path, '<Dial> dials <WhatsApp> without a callerId; it needs the registered WhatsApp sender, written whatsapp:+…');
  }

  const dialable = dial.children.filter((child) => child.kind !== 'text' || child.text.trim() !== '');
  if (dialable.length === 0) report(walk, 'dial.empty', path, '<Dial> is empty: it names no number and no noun to dial');

  const counts = new Map<string, number>();
  for (const child of dial.children) {
    if (child.kind === 'text') {
      if (child.text.trim() !== '' && contentProblem('phone', child.text) !== undefined) {
        report(walk, 'dial.text.format', `${path}/text()`, `${JSON.stringify(child.text.trim())} inside <Dial> is not a phone number (E.164 or national digits, at most 15)`);
      }
      continue;
    }
    const name = child.kind === 'element' ? child.name : child.kind;
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    const childPath = `${path}/${name}[${index}]`;
    if (child.kind === 'element') validateStrayElement(walk, child, childPath);
    else validateNoun(walk, child, childPath);
  }
  validateCombinations(walk, nouns, path);
}

function validateStrayElement(walk: Walk, element: GenericElement, path: string): void {
  const noun = nounSpec(element.name);
  if (noun !== undefined) {
    report(walk, `${noun.name.toLowerCase()}.child.invalid`, path, `<${noun.name}> ${whyNotNoun(element, noun.childElements)}`);
  } else {
    const meant = closestName(element.name, NOUNS.map((known) => known.name));
    const hint = meant === undefined ? '' : `; did you mean <${meant}>?`;
    report(walk, 'dial.child.invalid', path, `<${element.name}> is not a noun of <Dial> (Number, Client, Sip, Conference, Queue, Application, WhatsApp, Sim)${hint}`);
  }
}

/** Why the parser left a noun generic: the end of a sentence starting with the noun's name. */
function whyNotNoun(element: GenericElement, allowed: readonly string[]): string {
  const elements = element.children.filter((child): child is GenericElement => child.kind === 'element');
  const stray = elements.find((child) => !allowed.includes(child.name));
  if (stray !== undefined) {
    return `may not hold <${stray.name}> (${allowed.length === 0 ? 'it holds text only' : `allowed: ${allowed.map((name) => `<${name}>`).join(', ')}`})`;
  }
  for (const name of allowed.filter((child) => child !== 'Parameter')) {
    if (elements.filter((child) => child.name === name).length > 1) return `holds more than one <${name}>`;
  }
  const withAttributes = elements.find((child) => child.name !== 'Parameter' && Object.keys(child.attributes).length > 0);
  if (withAttributes !== undefined) return `holds an <${withAttributes.name}> with attributes, which it may not have`;
  const nested = elements.find((child) => child.children.some((grandchild) => grandchild.kind === 'element' || child.name === 'Parameter'));
  if (nested !== undefined) return `holds a <${nested.name}> with content it may not have (<Parameter> is empty, <${allowed[0] ?? 'Identity'}> holds text only)`;
  // @see facts §2.3 [CLIENT]: the identity is the text or an <Identity> child; the sources never show both.
  return element.name === 'Client'
    ? 'holds text beside its child elements (the identity is written either as text or as an <Identity> child, not both)'
    : `holds text beside its child elements (its content goes in ${allowed.map((name) => `<${name}>`).join(' and ')})`;
}

function validateParameters(walk: Walk, noun: NounName, parameters: readonly ParameterElement[], path: string): void {
  parameters.forEach((parameter, index) => {
    const names = Object.keys(parameter.attributes);
    const name = parameter.attributes['name'];
    if (name === undefined || name === '' || names.some((attribute) => attribute !== 'name' && attribute !== 'value')) {
      report(walk, `${noun.toLowerCase()}.parameter.invalid`, `${path}/Parameter[${index + 1}]`, `a <Parameter> needs a non-empty name and may only have name and value attributes (found ${names.join(', ') || 'none'})`);
    }
  });
}

function validateNoun(walk: Walk, noun: DialNoun, path: string): void {
  const spec = nounSpec(noun.kind);
  if (spec === undefined) return;
  validateAttributes(walk, noun.kind, noun.attributes, path, { nouns: [noun.kind], allow24HourCalls: walk.options.allow24HourCalls });
  const prefix = noun.kind.toLowerCase();
  switch (noun.kind) {
    case 'Client': {
      const identity = noun.identity ?? noun.text;
      if (contentProblem('clientIdentity', identity) !== undefined) {
        report(walk, 'client.content', path, `client identity ${JSON.stringify(identity.trim())} must be 1 to 256 characters without spaces, control characters or any of < > # % " { } | \\ ^ [ ] \``);
      }
      validateParameters(walk, 'Client', noun.parameters, path);
      return;
    }
    case 'Application':
      if (noun.applicationSid === undefined || noun.applicationSid.trim() === '') {
        report(walk, 'application.content.missing', path, '<Application> needs an <ApplicationSid> child naming the application to dial');
      }
      validateParameters(walk, 'Application', noun.parameters, path);
      return;
    default: {
      const maxQueueName = walk.options.queueNameLimit === '64-or-less' ? MAX_QUEUE_NAME_ENQUEUE_PAGE : MAX_QUEUE_NAME;
      const problem = contentProblem(spec.content, noun.text, maxQueueName);
      if (problem !== undefined) {
        const ruleId = noun.kind === 'Queue' ? `queue.content.${problem === 'short' ? 'short' : 'long'}` : `${prefix}.content`;
        report(walk, ruleId, path, `${JSON.stringify(noun.text.trim())} is not a valid ${describeContent(spec.content, maxQueueName)}`);
      } else if (noun.kind === 'Sip') validateSipHeaders(walk, noun.text, path);
    }
  }
}

/** @see page §err-13252; page §err-13253; page §err-21227 */
function validateSipHeaders(walk: Walk, uri: string, path: string): void {
  const problem = sipHeaderProblem(uri);
  if (problem === 'length') {
    report(walk, 'sip.headers.length', path, `the headers of the SIP URI (after ?) are ${uri.trim().length - uri.trim().indexOf('?') - 1} characters; they must be fewer than 1024`);
  } else if (problem === 'name') {
    report(walk, 'sip.header.name', path, 'a header of the SIP URI is not x- prefixed (nor User-to-User, Remote-Party-ID, P-Preferred-Identity or P-Called-Party-ID), or has characters a SIP header name may not have');
  }
}

function describeContent(kind: string, maxQueueName: number): string {
  const names: Readonly<Record<string, string>> = {
    phone: 'phone number (E.164 or national digits, at most 15)',
    whatsappNumber: 'phone number (E.164 or national digits, at most 15)',
    sipUri: 'SIP URI (sip: or sips:, under 255 characters before its headers, no spaces)',
    conferenceName: 'conference name (it must not be empty)',
    queueName: `queue name (1 to ${maxQueueName} characters)`,
    simSid: 'Super SIM SID (DE followed by 32 hex digits)',
  };
  return names[kind] ?? kind;
}

function validateCombinations(walk: Walk, nouns: readonly (NounName | 'text')[], path: string): void {
  const legs = nouns.filter((noun) => noun === 'text' || nounSpec(noun)?.isCallLeg === true);
  if (legs.length > MAX_CALL_LEGS) {
    report(walk, 'dial.legs.count', path, `<Dial> dials ${legs.length} parties; at most ${MAX_CALL_LEGS} can ring at once or in sequence`);
  }
  if (nouns.includes('Application') && nouns.length > 1) {
    report(walk, 'dial.application.alone', path, '<Application> must be the only thing dialed: simultaneous dialing is not supported with it');
  }
  if (nouns.includes('text') && nouns.some((noun) => noun !== 'text')) {
    report(walk, 'dial.mix.text-and-nouns', path, 'a bare number is mixed with nested nouns; Twilio does not document what that dials');
  }
  if ((nouns.includes('Conference') || nouns.includes('Queue')) && nouns.length > 1) {
    report(walk, 'dial.conference-queue.alone', path, '<Conference> or <Queue> is dialed beside other nouns; Twilio does not document what that does');
  }
  if (nouns.filter((noun) => noun === 'Sip').length > 1) {
    report(walk, 'dial.sip.count', path, 'more than one <Sip> in one <Dial>; older docs allow only one');
  }
}
