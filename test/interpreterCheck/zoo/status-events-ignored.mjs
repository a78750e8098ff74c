// statusCallbackEvent ignored: only the completed event is reported (facts §4.2).
import { playAs } from './playAs.mjs';

playAs('status-events-ignored', {
  statusEvents: () => ['completed'],
});
