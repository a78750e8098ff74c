export { validate, validateXml, type ValidateOptions, type XmlValidation } from './validate.js';
export { compare, effectiveValue, type Difference, type CompareOptions, type Comparison } from './compare.js';
export { RULES, ruleById, isRuleId, type RuleSpec, type RuleGate } from './rules.js';
export { ALL_ATTRIBUTES, DIAL_ATTRIBUTES, NOUN_ATTRIBUTES, RING_TONES, attributeSpec, attributesOf, type AttributeSpec, type ElementName } from './spec/attributes.js';
export { NOUNS, nounSpec, VOICE_VERBS, isVoiceVerb, MAX_CALL_LEGS, MAX_TWIML_BYTES, type NounSpec, type ContentKind } from './spec/elements.js';
export { TWILIO_CODES, severityOf, type TwilioCode } from './spec/codes.js';
export type { ValueKind, ValueKindName, ValueProblem } from './spec/valueKinds.js';
export { valueProblem, problemsOf, contentProblem, isPhoneNumber, isClientIdentity, isSipUri, isTwilioUrl, isCallerIdFor } from './values.js';
export { dialedLegs, type DialedLeg } from './legs.js';
