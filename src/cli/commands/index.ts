import type { Command } from '../io.js';
import { canonicalCommand } from './canonical.js';
import { demoCommand } from './demo.js';
import { endpointCommand } from './endpoint.js';
import { generatorCommand } from './generator.js';
import { interpretCommand } from './interpret.js';
import { interpreterCommand } from './interpreter.js';
import { mergeCommand } from './merge.js';
import { rulesCommand } from './rules.js';
import { sampleCommand } from './sample.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  canonicalCommand,
  rulesCommand,
  sampleCommand,
  interpretCommand,
  generatorCommand,
  endpointCommand,
  interpreterCommand,
  mergeCommand,
  demoCommand,
];
