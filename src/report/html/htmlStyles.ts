/** The page's only style sheet, inline: the report must open with no network (a CI artifact viewer, a mail attachment). */
export const HTML_STYLES = `
:root { --fg:#1d2330; --muted:#5f6b7a; --line:#d8dee6; --bg:#f6f8fa; --pass:#1a7f37; --fail:#c62828; --skip:#8a6d00; --warn:#b35c00; --add:#e6f4ea; --del:#fdecea; --addx:#a8dbb4; --delx:#f5b5ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 60px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 18px 0 6px; } h4 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
pre { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 0; }
.muted { color: var(--muted); font-weight: normal; }
.verdict { display: flex; align-items: center; gap: 14px; margin: 16px 0; padding: 14px 18px; border-radius: 8px; font-size: 16px; font-weight: 600; }
.verdict.warn { background: #fff4e5; color: var(--warn); border: 1px solid #f1cf9f; } .verdict.pass { background: #e8f5ec; color: var(--pass); border: 1px solid #b7dfc3; } .verdict.fail { background: #fdecea; color: var(--fail); border: 1px solid #f3b9b3; }
.verdict .big { font-size: 26px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 0; } dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; word-break: break-all; }
table { border-collapse: collapse; }
table.props { width: 100%; } table.props th, table.props td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.props td.mono { white-space: nowrap; }
table.props th { font-size: 12px; color: var(--muted); font-weight: 600; } table.props td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.pill.passed { background: var(--pass); } .pill.failed { background: var(--fail); } .pill.skipped { background: var(--skip); } .pill.not-exercised { background: var(--skip); } .pill.not-failing { background: var(--warn); }
.pill.grade { background: #fff; color: var(--fg); border: 1px solid var(--line); font-weight: 500; } .pill.grade.must { border-color: var(--fail); color: var(--fail); } .pill.grade.should { border-color: var(--warn); color: var(--warn); }
.pill.sev-error { background: var(--fail); } .pill.sev-warning { background: var(--warn); } .pill.sev-security { background: #6a1b9a; }
a { color: #0b57d0; text-decoration: none; } a:hover { text-decoration: underline; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 6px; padding: 14px 16px; margin: 16px 0; }
.finding .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; } .finding .summary { font-size: 15px; font-weight: 600; margin: 8px 0; word-break: break-word; }
.finding .fp { color: var(--muted); font-size: 12px; }
.diff { display: grid; grid-template-columns: 1fr 1fr; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.diff .col-head { background: var(--bg); padding: 5px 10px; font-size: 12px; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); }
.diff .col-head + .col-head, .diff .cell.right { border-left: 1px solid var(--line); }
.diff .cell { padding: 1px 10px; white-space: pre-wrap; word-break: break-all; min-height: 1.45em; }
.diff .cell.removed, .diff .cell.changed.left { background: var(--del); } .diff .cell.added, .diff .cell.changed.right { background: var(--add); }
.diff .cell.blank { background: repeating-linear-gradient(45deg, #fafbfc, #fafbfc 4px, #f0f2f5 4px, #f0f2f5 8px); }
.diff mark.del { background: var(--delx); color: inherit; } .diff mark.add { background: var(--addx); color: inherit; }
.diff .gut { color: var(--muted); user-select: none; display: inline-block; width: 1.2em; }
table.differences td, table.differences th { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; font-size: 12.5px; word-break: break-all; }
table.differences th { color: var(--muted); font-weight: 600; }
.sequence { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px 14px; background: #fff; }
.actors { display: grid; grid-template-columns: 1fr 1fr; } .actor { font-weight: 600; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); justify-self: start; }
.actor + .actor { justify-self: end; }
.lanes { position: relative; margin: 0 60px; border-left: 2px dashed #b9c2cf; border-right: 2px dashed #b9c2cf; padding: 4px 0; }
.step { padding: 6px 0 8px; } .step .tag { font-size: 11px; color: var(--muted); text-align: center; text-transform: uppercase; letter-spacing: .04em; }
.msg { position: relative; margin: 2px 0 6px; } .msg .label { display: block; text-align: center; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; padding: 0 16px; }
.msg .line { position: relative; height: 2px; background: #44546a; margin: 2px 0 0; } .msg.left .line { background: #7b8798; }
.msg .head { position: absolute; top: -4px; width: 10px; height: 10px; fill: #44546a; } .msg .head.right { right: -1px; } .msg .head.left { left: -1px; fill: #7b8798; }
.msg.failing .line { background: var(--fail); height: 3px; } .msg.failing .head { fill: var(--fail); } .msg.failing .label { color: var(--fail); font-weight: 700; }
details { margin: 8px 0; } summary { cursor: pointer; color: var(--muted); font-size: 13px; }
table.grid { width: 100%; } table.grid > tbody > tr > th, table.grid > tr > th { text-align: left; vertical-align: top; padding: 8px 10px 8px 0; white-space: nowrap; width: 1%; font-size: 13px; }
table.grid th .count { color: var(--muted); font-weight: normal; font-size: 12px; }
table.attrs { border-collapse: separate; border-spacing: 3px; } table.attrs tr { display: flex; flex-wrap: wrap; gap: 3px; }
table.attrs td { border-radius: 4px; padding: 3px 7px; font-size: 12px; display: inline-flex; gap: 6px; align-items: baseline; border: 1px solid transparent; }
table.attrs td .count { font-variant-numeric: tabular-nums; opacity: .8; font-size: 11px; }
.c0 { background: #fff; border-color: var(--fail) !important; color: var(--fail); } .c1 { background: #e3f2e7; } .c2 { background: #bfe3c8; } .c3 { background: #8fcf9f; } .c4 { background: #6cbf82; }
.bars { display: grid; gap: 3px; max-width: 760px; } .bar { display: grid; grid-template-columns: 260px 1fr 70px; align-items: center; gap: 8px; font-size: 12.5px; }
.bar .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; } .bar .fill { height: 10px; background: #6c8ebf; border-radius: 3px; } .bar .count { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.legend { font-size: 12px; color: var(--muted); margin: 4px 0 10px; } .legend span { display: inline-block; padding: 0 6px; border-radius: 3px; margin-right: 4px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;
