// RecordingChannels always 1 (seed §record: the dual modes record two channels).
import { playAs } from './playAs.mjs';

playAs('recording-always-mono', {
  recordingChannels: () => 1,
});
