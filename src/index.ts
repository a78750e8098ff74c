/**
 * twiml-dial-kit: property-based conformance checks for Twilio's TwiML `<Dial>`.
 * The reference (validator, comparison, interpreter) is also exported on its own as `twiml-dial-kit/reference`.
 */
export type * from './model/index.js';
export * from '../reference/index.js';

export { parseTwiml, serializeTwiml, SerializeError, DEFAULT_MAX_BYTES, type ParseOptions, type ParseOutcome, type SerializeOptions, type XmlError } from './xml/index.js';
export { DialKitError, isDialKitError, type DialKitErrorCode } from './errors.js';

export * from './arbitraries/index.js';

export type { Finding, PropertyResult, Coverage, RunReport } from './check/findings.js';
export { failsRun, failsRunAt, gradeOf, GRADES, type Grade, type VerdictOptions } from './check/grade.js';
export { checkGenerator, assertGenerator, GeneratorCheckError, DEFAULT_SEED, type CheckGeneratorOptions } from '../properties/checkGenerator.js';
export { checkEndpoint, endpointProperties, ENDPOINT_PROPERTIES } from '../properties/endpoint.js';
export type { EndpointCheckOptions } from './check/endpoint/endpointOptions.js';

export type { BuilderTarget } from './targets/builder/builderTarget.js';
export { functionTarget, type BuilderFunction } from './targets/builder/functionTarget.js';
export { moduleTarget, voiceResponseTarget, type ModuleTargetOptions } from './targets/builder/moduleTarget.js';
export { stdioTarget, type StdioTargetOptions } from './targets/builder/stdioTarget.js';
export { withTimeout } from './targets/builder/withTimeout.js';
export { twilioSignature, signedString, type ParamList } from './targets/http/signature.js';

export { consoleReport, type ConsoleReportOptions } from './report/consoleReport.js';
export { jsonReport } from './report/jsonReport.js';
export { junitReport } from './report/junitReport.js';

export { runCli } from './cli/main.js';
export type { CliIo } from './cli/io.js';

export { twilioProfile, parseProfile, loadProfile, profileConstraints, matchDivergence, dialectSubset, type Profile, type ProfileSupport, type Divergence, type ProfileConstraints, type DialectSubset } from './profile/index.js';
export { checkInterpreter, INTERPRETER_PROPERTIES } from '../properties/interpreterCheck.js';
export type { InterpreterCheckOptions } from './check/interpreter/interpreterOptions.js';
export type { DivergenceResult } from './check/findings.js';
