export { citationsOf, resolves, type Citation, type SourceKind } from './citations.js';
export { FACTS_PARAGRAPHS, type FactsParagraph } from './factsParagraphs.js';
export { PAGE_FACTS, type PageFact } from './pageFacts.js';
export { matchesRuleId } from './rulePattern.js';
export { SEED_SECTIONS, SEED_SECTION_PHRASES, type SeedSection } from './seedSections.js';
export { TRACE_TABLE } from './traceTable.js';
export { rowId, type TraceRow } from './traceRow.js';
export { traceCounts, type TraceCounts } from './traceCounts.js';
