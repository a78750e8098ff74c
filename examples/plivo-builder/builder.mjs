#!/usr/bin/env node
// A dial-kit stdio adapter for plivo 4.x's XML API (`new plivo.Response()`, `addDial`, `addNumber`, ...).
// Run: dial-kit generator --nouns Number --verbs Play,Hangup --stdio -- node examples/plivo-builder/builder.mjs
// Protocol: schemas/builder-protocol.schema.json, version 2. One JSON request per line on stdin,
// one JSON answer per line on stdout; logs go to stderr only.
//
// Plivo XML is another dialect: <Speak> where TwiML has <Say>, <User> for SIP, other attribute names,
// and each element takes only the attributes on its own list (dist/utils/plivoxml.js `valid_attributes`).
// The adapter builds a document only where Plivo writes the very elements and attribute names TwiML
// has (the table below); every other document is answered `unsupported`, so the check judges only the
// overlap: how plivo serialises it. It says nothing about whether Plivo's platform reads it as Twilio does.
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const plivo = createRequire(import.meta.url)('plivo');

/** TwiML element to the attributes Plivo writes under the same name (Twilio's list ∩ Plivo's `valid_attributes`). */
const SHARED = {
  Dial: ['action', 'method', 'timeout', 'hangupOnStar', 'timeLimit', 'callerId'],
  Number: ['sendDigits'],
  Play: ['loop'],
  Hangup: [],
};

class Unsupported extends Error {}

/** The attributes as plivo's users pass them; an unset option of a name Plivo does not have is not in the document. */
function attributesOf(name, attributes) {
  const out = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!SHARED[name].includes(key)) {
      if (value === null || value === undefined) continue;
      throw new Unsupported(`plivo has no ${key} attribute on <${name}> (or another meaning for it)`);
    }
    out[key] = value;
  }
  return out;
}

/** The text of an element whose children must all be text ('' for none). */
function textOf(name, children) {
  if (children.some((child) => child.kind !== 'text')) throw new Unsupported(`plivo cannot write elements inside <${name}>`);
  return children.map((child) => child.text).join('');
}

function addVerb(response, verb) {
  if (verb.kind === 'text') throw new Unsupported('plivo cannot write text directly in <Response>');
  const name = verb.kind === 'Dial' ? 'Dial' : verb.name;
  if (!['Dial', 'Play', 'Hangup'].includes(name)) throw new Unsupported(`plivo writes no TwiML <${name}>`);
  if (name === 'Play') {
    response.addPlay(textOf(name, verb.children), attributesOf(name, verb.attributes));
    return;
  }
  if (name === 'Hangup') {
    if (verb.children.length > 0) throw new Unsupported('plivo cannot write content in <Hangup>');
    response.addHangup(attributesOf(name, verb.attributes));
    return;
  }
  if (verb.kind !== 'Dial') throw new Unsupported('a <Dial> outside the model');
  if (verb.children.some((child) => child.kind !== 'Number')) {
    throw new Unsupported('plivo dials only <Number> (and its own <User>) nouns: no text, no other noun');
  }
  const dial = response.addDial(attributesOf('Dial', verb.attributes));
  for (const noun of verb.children) dial.addNumber(noun.text, attributesOf('Number', noun.attributes));
}

function build(document) {
  if (document.root !== 'Response' || Object.keys(document.attributes).length > 0) {
    throw new Unsupported('plivo always writes a bare <Response> root');
  }
  const response = new plivo.Response();
  for (const verb of document.verbs) addVerb(response, verb);
  return response.toXML();
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const request = JSON.parse(line);
  if (request.version !== 1 && request.version !== 2) {
    process.stderr.write(`unsupported protocol version ${request.version}\n`);
    process.exit(1);
  }
  let answer;
  try {
    answer = { id: request.id, version: 2, xml: build(request.document) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    answer = error instanceof Unsupported && request.version === 2
      ? { id: request.id, version: 2, unsupported: message }
      : { id: request.id, version: 2, error: message };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
