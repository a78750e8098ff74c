#!/usr/bin/env node
// A dial-kit stdio adapter for twilio 2.x's TwimlResponse API (installed here as the npm alias `twilio2`).
// Run: dial-kit generator --stdio -- node examples/twilio2-builder/builder.mjs
// Protocol: schemas/builder-protocol.schema.json, version 2. One JSON request per line on stdin,
// one JSON answer per line on stdout; logs go to stderr only.
//
// The 2.x API (lib/TwimlResponse.js) has one method per element its author listed, and nothing else:
//   resp.dial(attributes, text)  or  resp.dial(attributes, function (node) { node.number(attributes, text) })
// so a document it cannot express is answered `unsupported` (the kit skips it): another root or root
// attributes, an element it has no method for (WhatsApp, Sim, Application, Identity, Parameter, unknown
// names), text beside child elements, text at the top level. Attribute values are passed as its users
// pass them: numbers and booleans as they are (`timeout: 30`); an event list as the space-separated
// string its users wrote (the 2.x API takes no arrays); an option left unset (null) as it is.
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const { TwimlResponse } = createRequire(import.meta.url)('twilio2');

/** Element name to the names of the children its 2.x method can build (TwimlResponse.js, `legalNodes`). */
const CHILDREN = {
  Response: ['Say', 'Play', 'Gather', 'Record', 'Sms', 'Dial', 'Enqueue', 'Task', 'Leave', 'Hangup', 'Redirect', 'Reject', 'Pause', 'Message'],
  Gather: ['Say', 'Play', 'Pause'],
  Dial: ['Number', 'Client', 'Conference', 'Queue', 'Sip'],
  Message: ['Media', 'Body'],
  Enqueue: ['Task'],
};

class Unsupported extends Error {}

/** The kit's document node as { name, attributes, text, children } (nouns are elements with one text). */
function asElement(node) {
  if (node.kind === 'element') return node;
  if (node.kind === 'Client' && (node.identity !== undefined || node.parameters.length > 0)) {
    throw new Unsupported('twilio 2.x cannot write <Identity> or <Parameter> inside <Client>');
  }
  if (node.kind === 'Application') throw new Unsupported('twilio 2.x has no <Application> noun');
  const children = node.kind === 'Dial' ? node.children : [{ kind: 'text', text: node.text }];
  return { name: node.kind, attributes: node.attributes, children };
}

/** 2.x writes every value with String(); its users wrote an event list as one string. */
function attributesOf(attributes) {
  const out = {};
  for (const [name, value] of Object.entries(attributes)) out[name] = Array.isArray(value) ? value.join(' ') : value;
  return out;
}

/** Adds `node` to `parent` through the method 2.x generated for it. */
function add(parent, parentName, node) {
  if (node.kind === 'text') throw new Unsupported(`twilio 2.x cannot write text directly in <${parentName}>`);
  const element = asElement(node);
  if (!(CHILDREN[parentName] ?? []).includes(element.name)) {
    throw new Unsupported(`twilio 2.x has no method for <${element.name}> inside <${parentName}>`);
  }
  const method = element.name.charAt(0).toLowerCase() + element.name.slice(1);
  const texts = element.children.filter((child) => child.kind === 'text');
  const attributes = attributesOf(element.attributes);
  if (texts.length > 0) {
    if (texts.length < element.children.length) throw new Unsupported(`twilio 2.x cannot write text beside elements in <${element.name}>`);
    // One string argument is the text; '' writes no text, the same empty element.
    parent[method](attributes, texts.map((text) => text.text).join(''));
  } else if (element.children.length > 0) {
    // 2.x calls the function only for an element with child methods; checked first, so nothing is dropped.
    if (CHILDREN[element.name] === undefined) throw new Unsupported(`twilio 2.x cannot write elements inside <${element.name}>`);
    parent[method](attributes, (built) => {
      for (const child of element.children) add(built, element.name, child);
    });
  } else {
    parent[method](attributes);
  }
}

function build(document) {
  if (document.root !== 'Response' || Object.keys(document.attributes).length > 0) {
    throw new Unsupported('twilio 2.x always writes a bare <Response> root');
  }
  const response = new TwimlResponse();
  for (const verb of document.verbs) add(response, 'Response', verb);
  return response.toString();
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
