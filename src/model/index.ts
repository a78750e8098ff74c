export type * from './document.js';
export type * from './callerInput.js';
export type * from './dial.js';
export type * from './diagnostic.js';
export type * from './outcome.js';
export type * from './trace.js';
