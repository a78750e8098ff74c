export type { Divergence, Profile, ProfileInterpretOptions, ProfileSupport } from './profile.js';
export { twilioProfile } from './twilioProfile.js';
export { parseProfile, loadProfile, profileSchema } from './parseProfile.js';
export { profileConstraints, type ProfileConstraints } from './profileConstraints.js';
export { matchDivergence, type DivergenceSubject } from './matchDivergence.js';
export { dialectSubset, insideDialect, nameList, type DialectSubset, type DialectOptions } from './dialectSubset.js';
