#!/usr/bin/env node
// The driver: mini-emulator behind carrier protocol v1 (JSON lines on stdin/stdout, logs on
// stderr). The kit plays the phone network and the web app; this process plays the platform.
// `node examples/mini-emulator/driver.mjs`, or `runDriver({ rules })` with other rules.
import { pathToFileURL } from 'node:url';
import { Call } from './call.mjs';
import { twilioRules } from './rules.mjs';

/** The protocol's cap on one line (1 MiB). */
const MAX_LINE_BYTES = 1024 * 1024;

/** Lines of a stream, each at most MAX_LINE_BYTES; a longer one throws. */
async function* lines(input) {
  let pending = Buffer.alloc(0);
  for await (const chunk of input) {
    pending = Buffer.concat([pending, chunk]);
    let newline;
    while ((newline = pending.indexOf(10)) !== -1) {
      yield pending.subarray(0, newline).toString('utf8');
      pending = pending.subarray(newline + 1);
    }
    if (pending.length > MAX_LINE_BYTES) throw new Error('a line from the kit is over 1 MiB');
  }
  if (pending.length > 0) yield pending.toString('utf8');
}

/**
 * Speaks the protocol until `bye` or the end of input. Calls are played one at a time, so each
 * message is handled completely (every request awaited) before the next is read.
 */
export async function runDriver({ rules = twilioRules, input = process.stdin, output = process.stdout } = {}) {
  const send = (message) => output.write(`${JSON.stringify(message)}\n`);
  let call;
  for await (const line of lines(input)) {
    if (line.trim() === '') continue;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ type: 'error', message: 'the line is not JSON' });
      continue;
    }
    try {
      switch (message.type) {
        case 'hello':
          if (message.protocol !== 'dial-kit-carrier' || message.version !== 1) throw new Error('mini-emulator speaks dial-kit-carrier version 1 only');
          send({ type: 'ready', version: 1, name: rules.name, signs: rules.signs });
          break;
        case 'start':
          call = new Call(message, { rules, send });
          await call.begin();
          send({ type: 'ack', call: call.id, now: call.now });
          break;
        case 'event':
          if (call === undefined || call.id !== message.call) throw new Error(`no call ${JSON.stringify(message.call)} is running`);
          await call.event(message.event);
          send({ type: 'ack', call: call.id, seq: message.seq, now: call.now });
          break;
        case 'bye':
          return;
        default:
          throw new Error(`unknown message type ${JSON.stringify(message.type)}`);
      }
    } catch (error) {
      // The answer to an event that could not be handled; other errors name no message.
      const about = message.type === 'event' ? { call: message.call, seq: message.seq } : {};
      send({ type: 'error', ...about, message: error.message });
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDriver().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`mini-emulator: ${error.message}\n`);
      process.exit(1);
    },
  );
}
