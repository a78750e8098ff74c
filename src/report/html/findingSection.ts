import type { Finding } from '../../check/findings.js';
import { callSequence, exchangesOf } from './callSequence.js';
import { escapeHtml } from './escapeHtml.js';
import { commonEnds, diffRows, xmlLines, type DiffRow } from './xmlDiff.js';

/** Escapes a line, marking the part of it that differs from its partner line. */
function marked(line: string, partner: string | undefined, mark: 'del' | 'add'): string {
  if (partner === undefined) return escapeHtml(line);
  const { start, end } = commonEnds(line, partner);
  const middle = line.slice(start, line.length - end);
  if (middle === '') return escapeHtml(line);
  return `${escapeHtml(line.slice(0, start))}<mark class="${mark}">${escapeHtml(middle)}</mark>${escapeHtml(line.slice(line.length - end))}`;
}

const GUTTER: Readonly<Record<DiffRow['kind'], [string, string]>> = { same: [' ', ' '], changed: ['−', '+'], removed: ['−', ' '], added: [' ', '+'] };

function diffCell(side: 'left' | 'right', row: DiffRow): string {
  const line = side === 'left' ? row.expected : row.actual;
  if (line === undefined) return `<div class="cell ${side} blank"></div>`;
  const partner = row.kind === 'changed' ? (side === 'left' ? row.actual : row.expected) : undefined;
  const gutter = GUTTER[row.kind][side === 'left' ? 0 : 1];
  return `<div class="cell ${side} ${row.kind}"><span class="gut">${gutter}</span>${marked(line, partner, side === 'left' ? 'del' : 'add')}</div>`;
}

/** Expected against actual XML, side by side, one tag or text per line, changed lines and the changed part of each marked. */
export function xmlDiff(expected: string, actual: string): string {
  const rows = diffRows(xmlLines(expected), xmlLines(actual));
  const cells = rows.map((row) => diffCell('left', row) + diffCell('right', row)).join('');
  return `<div class="diff mono"><div class="col-head">expected (the reference's canonical form)</div><div class="col-head">actual (what the target wrote)</div>${cells}</div>`;
}

function differencesTable(finding: Finding): string {
  const differences = finding.differences ?? [];
  if (differences.length === 0) return '';
  const show = (value: string | undefined): string => (value === undefined ? '<span class="muted">nothing</span>' : `<code>${escapeHtml(JSON.stringify(value))}</code>`);
  const rows = differences.map(
    (difference) =>
      `<tr><td><code>${escapeHtml(difference.path)}</code></td><td>${show(difference.expected)}</td><td>${show(difference.actual)}</td><td><code>${escapeHtml(difference.rule)}</code></td><td>${escapeHtml(difference.source)}</td></tr>`,
  );
  return `<h4>Differences that change what Twilio does</h4><table class="differences"><tr><th>where</th><th>expected</th><th>got</th><th>rule</th><th>source</th></tr>${rows.join('')}</table>`;
}

function looksLikeXml(text: string | undefined): text is string {
  return text !== undefined && text.trimStart().startsWith('<');
}

function pre(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}

/** The answer the finding is about, from an endpoint counterexample (`answer.bodyStart`), when there is one. */
function answerBody(counterexample: unknown): string | undefined {
  if (typeof counterexample !== 'object' || counterexample === null) return undefined;
  const answer = (counterexample as { answer?: { bodyStart?: unknown } }).answer;
  return typeof answer?.bodyStart === 'string' && answer.bodyStart !== '' ? answer.bodyStart : undefined;
}

/**
 * One finding: what failed and where it comes from; the call drawn as requests and answers (endpoint,
 * interpreter) or expected against actual XML with the differences marked (builder); what the kit did;
 * the shrunk case; and the line that replays it.
 */
export function findingSection(finding: Finding, anchor: string, mode: string): string {
  const parts = [
    `<section class="finding" id="${escapeHtml(anchor)}">`,
    `<div class="head"><span class="pill sev-${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</span><strong>${escapeHtml(finding.propertyId)}</strong><span class="muted">${escapeHtml(finding.title)}</span></div>`,
    `<div class="summary">${escapeHtml(finding.summary)}</div>`,
    `<div class="fp">source: ${escapeHtml(finding.source)} · fingerprint <code>${escapeHtml(finding.fingerprint)}</code></div>`,
  ];
  const exchanges = exchangesOf(finding.steps);
  if (exchanges.length > 0) {
    parts.push('<h4>The call, request by request</h4>', callSequence(exchanges, mode === 'endpoint' ? 'dial-kit (as Twilio)' : 'Twilio (reference)', mode === 'endpoint' ? 'your app' : 'target'));
    const body = answerBody(finding.counterexample);
    if (finding.actual !== undefined) parts.push('<h4>What came back</h4>', pre(finding.actual));
    else if (body !== undefined) parts.push('<h4>What came back</h4>', pre(body));
    const rest = finding.steps.filter((step) => exchangesOf([step]).length === 0);
    if (rest.length > 0) parts.push('<h4>Reproduce</h4>', pre(rest.join('\n')));
  } else {
    if (looksLikeXml(finding.expected) && looksLikeXml(finding.actual)) parts.push('<h4>Expected against actual</h4>', xmlDiff(finding.expected, finding.actual));
    else {
      if (finding.expected !== undefined) parts.push('<h4>Expected</h4>', pre(finding.expected));
      if (finding.actual !== undefined) parts.push('<h4>Actual</h4>', pre(finding.actual));
    }
    parts.push(differencesTable(finding));
    if (finding.steps.length > 0) parts.push('<h4>What the kit asked the target</h4>', pre(finding.steps.join('\n')));
  }
  parts.push(`<details><summary>The shrunk case (JSON)</summary>${pre(JSON.stringify(finding.counterexample, null, 2) ?? 'undefined')}</details>`);
  parts.push('<h4>Replay just this case</h4>', pre(finding.replay), '</section>');
  return parts.join('');
}
