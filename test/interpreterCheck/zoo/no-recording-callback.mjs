// recordingStatusCallback never requested (seed §recordingStatusCallback).
import { playAs } from './playAs.mjs';

playAs('no-recording-callback', {
  recordingEvents: () => [],
});
