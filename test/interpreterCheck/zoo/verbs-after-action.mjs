// The verbs after <Dial action> run instead of the action's TwiML (seed §action: they are unreachable).
import { playAs } from './playAs.mjs';

playAs('verbs-after-action', {
  afterDial: ({ callerOnLine }) => (callerOnLine ? 'next-verb' : 'end'),
});
