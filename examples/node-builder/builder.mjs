#!/usr/bin/env node
// A dial-kit stdio adapter for the twilio Node helper (protocol: schemas/builder-protocol.schema.json).
// Run: dial-kit generator --stdio -- node examples/node-builder/builder.mjs
// One JSON request per line on stdin, one JSON answer per line on stdout; logs go to stderr only.
// It speaks version 2: every answer says so, and version 2 requests carry typed attribute values
// (numbers, booleans, arrays, null for an unset option), passed to the API as they are, as users do.
import { createInterface } from 'node:readline';
import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

const NOUN_METHODS = {
  Number: 'number', Client: 'client', Conference: 'conference', Sip: 'sip', Queue: 'queue', Application: 'application', WhatsApp: 'whatsApp', Sim: 'sim',
};

function addGeneric(parent, node) {
  if (node.kind === 'text') {
    parent.addText(node.text);
    return;
  }
  const child = parent.addChild(node.name, { ...node.attributes });
  for (const grandchild of node.children) addGeneric(child, grandchild);
}

function addNoun(dial, noun) {
  if (noun.kind === 'text' || noun.kind === 'element') {
    addGeneric(dial, noun);
    return;
  }
  const attributes = { ...noun.attributes };
  if (noun.kind === 'Client') {
    const client = noun.text === '' ? dial.client(attributes) : dial.client(attributes, noun.text);
    if (noun.identity !== undefined) client.identity(noun.identity);
    for (const parameter of noun.parameters) client.parameter({ ...parameter.attributes });
    return;
  }
  if (noun.kind === 'Application') {
    const application = dial.application(attributes);
    if (noun.applicationSid !== undefined) application.applicationSid(noun.applicationSid);
    for (const parameter of noun.parameters) application.parameter({ ...parameter.attributes });
    return;
  }
  dial[NOUN_METHODS[noun.kind]](attributes, noun.text);
}

function build(document) {
  if (document.root !== 'Response' || Object.keys(document.attributes).length > 0) {
    throw new Error('the twilio helper always writes a bare <Response> root');
  }
  const response = new VoiceResponse();
  for (const verb of document.verbs) {
    if (verb.kind === 'Dial') {
      const [only] = verb.children;
      if (verb.children.length === 1 && only.kind === 'text') {
        response.dial({ ...verb.attributes }, only.text);
      } else {
        const dial = response.dial({ ...verb.attributes });
        for (const child of verb.children) addNoun(dial, child);
      }
    } else {
      addGeneric(response, verb);
    }
  }
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
    answer = { id: request.id, version: 2, error: error instanceof Error ? error.message : String(error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
