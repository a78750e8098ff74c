export { parseTwiml, DEFAULT_MAX_BYTES, type ParseOptions, type ParseOutcome, type XmlError, type XmlProblem } from './parse.js';
export { serializeTwiml, orderedAttributes, SerializeError, type SerializeOptions } from './serialize.js';
export { firstNonXmlChar, isXmlText, lineAndColumn } from './chars.js';
