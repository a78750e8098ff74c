import type { RunReport } from '../check/findings.js';
import { failsRun, gradeOf } from '../check/grade.js';
import { coverageGrid } from './html/coverageGrid.js';
import { escapeHtml } from './html/escapeHtml.js';
import { findingSection } from './html/findingSection.js';
import { HTML_STYLES } from './html/htmlStyles.js';

/**
 * No request of any kind: the page is one file with its style inline, no script, no font, no image
 * fetched. The policy makes a browser refuse anything else even if hostile text slipped through.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function verdict(report: RunReport): string {
  const failed = report.properties.filter((property) => property.status === 'failed').length;
  const total = report.properties.length;
  if (report.findingCount === 0) return `<div class="verdict pass"><span class="big">✓</span>All ${total} properties hold: 0 findings.</div>`;
  const findings = `${report.findingCount} finding${report.findingCount === 1 ? '' : 's'}`;
  if (!failsRun(report)) {
    const note = failsRun(report, { strict: true }) ? 'none in a must property: the run passes (with --strict, should findings fail it)' : 'none in a must or should property: the run passes';
    return `<div class="verdict warn"><span class="big">!</span>${findings} in ${failed} of ${total} properties, ${note}.</div>`;
  }
  return `<div class="verdict fail"><span class="big">✗</span>${findings} in ${failed} of ${total} properties.</div>`;
}

function meta(report: RunReport): string {
  const rows: [string, string][] = [
    ['target', report.target],
    ['seed', String(report.seed)],
    ['runs', `${report.runs} per property`],
    ...(report.shard === undefined ? [] : [['shard', `${report.shard.index} of ${report.shard.count} (merge the shards with dial-kit merge)`] as [string, string]]),
    ['started', report.startedAt],
    ['took', formatMs(report.durationMs)],
    ['kit', `${report.tool} ${report.version}`],
  ];
  return `<dl class="meta">${rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

function propertiesTable(report: RunReport, anchors: ReadonlyMap<string, string>): string {
  const rows = report.properties.map((property) => {
    const grade = gradeOf(property);
    const anchor = anchors.get(property.id);
    const findings = property.findings.length === 0 ? '0' : `<a href="#${escapeHtml(anchor ?? '')}">${property.findings.length}</a>`;
    const skip = property.skipReason === undefined ? '' : `<div class="muted">${escapeHtml(property.skipReason)}</div>`;
    return [
      '<tr>',
      `<td><span class="pill ${escapeHtml(property.status)}">${escapeHtml(property.status.replace('-', ' ').toUpperCase())}</span></td>`,
      `<td class="mono">${escapeHtml(property.id)}</td>`,
      `<td><span class="pill grade ${escapeHtml(grade)}">${escapeHtml(grade)}</span></td>`,
      `<td>${escapeHtml(property.title)}${skip}<div class="muted">${escapeHtml(property.source)}</div></td>`,
      `<td class="num">${property.runs}</td><td class="num">${findings}</td>`,
      '</tr>',
    ].join('');
  });
  const head = '<tr><th>verdict</th><th>property</th><th>grade</th><th>what it checks · source</th><th>runs</th><th>findings</th></tr>';
  return `<table class="props">${head}${rows.join('')}</table>`;
}

/**
 * The run as one self-contained HTML page: the verdict, a line per property with its grade, every
 * finding in full (the call as a sequence of requests and answers, or expected against actual XML
 * with the differences marked), and what the run covered as attribute × noun. Everything from the
 * report is escaped: findings carry whatever the target wrote.
 */
export function htmlReport(report: RunReport): string {
  const anchors = new Map<string, string>();
  const sections: string[] = [];
  report.properties.forEach((property, p) => {
    property.findings.forEach((finding, f) => {
      const anchor = `finding-${p + 1}-${f + 1}`;
      if (!anchors.has(property.id)) anchors.set(property.id, anchor);
      sections.push(findingSection(finding, anchor, report.mode));
    });
  });
  const title = `dial-kit ${report.mode}: ${report.target}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_STYLES}</style>`,
    '</head><body><main>',
    `<h1>${escapeHtml(`dial-kit ${report.mode}`)} <span class="muted">${escapeHtml(report.target)}</span></h1>`,
    verdict(report),
    meta(report),
    '<h2>Properties</h2>',
    propertiesTable(report, anchors),
    `<h2>Findings <span class="muted">(${report.findingCount})</span></h2>`,
    sections.length === 0 ? '<p class="muted">None: every property held on every case.</p>' : sections.join(''),
    '<h2>Coverage: attribute × noun × outcome</h2>',
    '<div class="legend">Each row is an element of the spec table (with how often it was dialed), each cell one of its attributes, shaded by how many documents carried it: <span class="c1">1–9</span><span class="c2">10–99</span><span class="c3">100–999</span><span class="c4">1,000+</span>; <span class="c0" style="border:1px solid">red</span> cells were never produced. Hover a cell for the kinds of value seen.</div>',
    coverageGrid(report.coverage),
    `<footer>twiml-dial-kit ${escapeHtml(report.version)} · seed ${report.seed} · this page loads nothing from the network</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
