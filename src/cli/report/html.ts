/**
 * The report as one self-contained page, read at a glance: totals, errors per agency and issues per
 * code as bars, then the sortable table of files and sheets and the issues. No external resource
 * (a Content-Security-Policy forbids any), inline CSS and JS, Thai fonts the machine has.
 */
import { formatThaiDate } from '../../domain/values/thaiDate';
import { cellText, ISSUE_COLUMNS, SHEET_COLUMNS, VERDICT_TH, type IssueRow, type ReportData, type SheetRow } from './rows';

/** Issues listed on the page; the .xlsx/.csv/.json reports carry all of them. */
const HTML_ISSUE_LIMIT = 3000;
const BAR_LIMIT = 30;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function thaiDateTime(d: Date): string {
  const th = new Date(d.getTime() + 7 * 3600 * 1000);
  const hh = String(th.getUTCHours()).padStart(2, '0');
  const mm = String(th.getUTCMinutes()).padStart(2, '0');
  return `${formatThaiDate(new Date(Date.UTC(th.getUTCFullYear(), th.getUTCMonth(), th.getUTCDate())))} ${hh}:${mm} น.`;
}

const NUMERIC = new Set(['fiscalYear', 'records', 'errors', 'warnings']);
const NOWRAP = new Set(['item', 'edition', 'verdict', 'cell', 'severity', 'code']);

function bars(items: readonly { label: string; title?: string; errors: number; warnings: number }[]): string {
  if (items.length === 0) return '<p class="none">ไม่มี</p>';
  const max = Math.max(1, ...items.map((i) => i.errors + i.warnings));
  const shown = items.slice(0, BAR_LIMIT);
  const n = (x: number) => x.toLocaleString('th-TH');
  const li = shown.map((i) => {
    const e = (i.errors / max) * 100;
    const w = (i.warnings / max) * 100;
    const count = [i.errors ? `<b>ผิด ${n(i.errors)}</b>` : '', i.warnings ? `<small>เตือน ${n(i.warnings)}</small>` : ''].filter(Boolean).join(' · ') || 'ไม่มี';
    return `<li><span class="label" title="${esc(i.title ?? i.label)}">${esc(i.label)}</span>`
      + `<span class="bar" aria-hidden="true"><span class="e" style="width:${e.toFixed(2)}%"></span><span class="w" style="width:${w.toFixed(2)}%"></span></span>`
      + `<span class="n">${count}</span></li>`;
  });
  const more = items.length > shown.length ? `<p class="more">และอีก ${items.length - shown.length} รายการ (ดูในตาราง)</p>` : '';
  return `<ul class="bars">${li.join('')}</ul>${more}`;
}

function table(id: string, columns: readonly { key: string; th: string }[], rows: readonly (SheetRow | IssueRow)[]): string {
  const head = columns.map((c, i) => `<th scope="col" data-col="${i}"${NUMERIC.has(c.key) ? ' data-num="1"' : ''}><button type="button">${esc(c.th)}</button></th>`).join('');
  const body = rows.map((r) => {
    const cls = 'verdict' in r ? ` class="v-${r.verdict}"` : ` class="s-${r.severity}"`;
    return `<tr${cls}>${columns.map((c) => `<td${NUMERIC.has(c.key) ? ' class="num"' : NOWRAP.has(c.key) ? ' class="nowrap"' : ''}>${esc(cellText(r, c.key))}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const CSS = `
:root { --err: #c62828; --warn: #e6a100; --ok: #2e7d32; --ink: #1f2933; --mute: #5f6b7a; --line: #d9dee4; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #f6f7f9;
  font-family: "Sarabun", "TH Sarabun New", "Noto Sans Thai", "Leelawadee UI", "Loma", "Garuda", "Tahoma", sans-serif; font-size: 15px; line-height: 1.5; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 0 0 12px; }
.sub { color: var(--mute); margin: 0 0 20px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 20px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; }
.card b { display: block; font-size: 26px; line-height: 1.2; }
.card.ok b { color: var(--ok); } .card.err b { color: var(--err); } .card.warn b { color: #9a6b00; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; margin-bottom: 20px; }
section.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin-bottom: 20px; }
.bars { list-style: none; margin: 0; padding: 0; }
.bars li { display: grid; grid-template-columns: minmax(120px, 34%) 1fr 9.5em; gap: 8px; align-items: center; padding: 2px 0; }
.bars .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bars .bar { display: flex; height: 14px; background: #eef1f4; border-radius: 3px; overflow: hidden; }
.bars .e { background: var(--err); } .bars .w { background: var(--warn); }
.bars .n { font-variant-numeric: tabular-nums; white-space: nowrap; } .bars .n b { color: var(--err); font-weight: 600; } .bars small { color: #8a6100; font-size: 14px; }
.legend { color: var(--mute); font-size: 13px; margin: 0 0 8px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; }
.more, .none { color: var(--mute); font-size: 13px; }
.tools { margin-bottom: 8px; } .tools input { font: inherit; padding: 4px 8px; width: 320px; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #eef2f7; }
th[data-num] { text-align: right; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
td { overflow-wrap: anywhere; } td.num { text-align: right; font-variant-numeric: tabular-nums; } td.nowrap, td.num { white-space: nowrap; overflow-wrap: normal; }
tr.v-ready td:nth-child(11) { color: var(--ok); font-weight: 600; }
tr.v-not-ready td:nth-child(11), tr.v-unusable td:nth-child(11) { color: var(--err); font-weight: 600; }
tr.s-error td:nth-child(5) { color: var(--err); } tr.s-warning td:nth-child(5) { color: #9a6b00; }
.scroll { max-height: 70vh; overflow: auto; }
@media print { .tools { display: none; } .scroll { max-height: none; } }
`;

const JS = `
document.querySelectorAll('table').forEach(function (table) {
  var tbody = table.tBodies[0];
  table.querySelectorAll('th').forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var i = Number(th.dataset.col), num = th.dataset.num === '1';
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[i].textContent, y = b.cells[i].textContent, d;
        if (num) { d = (x === '' ? -1 : Number(x)) - (y === '' ? -1 : Number(y)); } else { d = x.localeCompare(y, 'th'); }
        return asc ? d : -d;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
});
document.querySelectorAll('input[data-filter]').forEach(function (input) {
  var tbody = document.getElementById(input.dataset.filter).tBodies[0];
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    Array.prototype.forEach.call(tbody.rows, function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; });
  });
});
`;

export function reportHtml(data: ReportData, sheets: readonly SheetRow[], issues: readonly IssueRow[]): string {
  const checked = data.results.filter((r) => r.status === 'checked');
  const unusable = data.results.length - checked.length;
  const ready = checked.filter((r) => r.status === 'checked' && r.errors === 0).length;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;

  const byAgency = new Map<string, { errors: number; warnings: number; files: number }>();
  for (const r of data.results) {
    if (r.status !== 'checked') continue;
    const a = byAgency.get(r.agency) ?? { errors: 0, warnings: 0, files: 0 };
    a.errors += r.errors;
    a.warnings += r.warnings;
    a.files++;
    byAgency.set(r.agency, a);
  }
  const agencies = [...byAgency].map(([label, a]) => ({ label, title: `${label}: ${a.files} ไฟล์`, ...a }))
    .sort((x, y) => y.errors - x.errors || y.warnings - x.warnings || x.label.localeCompare(y.label, 'th'));

  const byCode = new Map<string, { errors: number; warnings: number; example: string }>();
  for (const i of issues) {
    const c = byCode.get(i.code) ?? { errors: 0, warnings: 0, example: i.message };
    if (i.severity === 'error') c.errors++;
    else c.warnings++;
    byCode.set(i.code, c);
  }
  const codes = [...byCode].map(([label, c]) => ({ label, title: `${label} — เช่น ${c.example}`, ...c }))
    .sort((x, y) => y.errors + y.warnings - (x.errors + x.warnings) || x.label.localeCompare(y.label));

  const shownIssues = issues.slice(0, HTML_ISSUE_LIMIT);
  const title = 'รายงานผลการตรวจแบบ ITA';
  const asOf = data.asOf ? ` · สถานะ ณ ${formatThaiDate(data.asOf)}` : '';
  const links = data.linksChecked ? ' · ตรวจลิงก์แล้ว' : ' · ไม่ได้ตรวจลิงก์ (ใช้ --check-links)';
  const card = (n: number, label: string, cls = '') => `<div class="card ${cls}"><b>${n.toLocaleString('th-TH')}</b>${esc(label)}</div>`;
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${title}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="sub">สร้างเมื่อ ${thaiDateTime(data.generatedAt)}${asOf}${links} · ita-forms</p>
</header>
<div class="cards">
${card(data.results.length, 'ไฟล์ที่ตรวจ')}${card(ready, VERDICT_TH.ready, 'ok')}${card(checked.length - ready, VERDICT_TH['not-ready'], 'err')}${card(unusable, VERDICT_TH.unusable, unusable ? 'err' : '')}${card(errors, 'ข้อผิดพลาด', 'err')}${card(warnings, 'คำเตือน', 'warn')}${data.skipped.length ? card(data.skipped.length, 'ไฟล์ที่ข้าม') : ''}
</div>
<div class="charts">
<section class="panel" aria-labelledby="h-agency"><h2 id="h-agency">ปัญหาตามหน่วยงาน</h2><p class="legend"><i style="background:var(--err)"></i>ข้อผิดพลาด<i style="background:var(--warn)"></i>คำเตือน</p>${bars(agencies)}</section>
<section class="panel" aria-labelledby="h-code"><h2 id="h-code">ปัญหาตามรหัส</h2><p class="legend"><i style="background:var(--err)"></i>ข้อผิดพลาด<i style="background:var(--warn)"></i>คำเตือน</p>${bars(codes)}</section>
</div>
<section class="panel" aria-labelledby="h-sheets">
<h2 id="h-sheets">ผลการตรวจรายไฟล์และแผ่นงาน (${sheets.length.toLocaleString('th-TH')} แถว)</h2>
<div class="tools"><input type="search" data-filter="sheets" placeholder="ค้นหาหน่วยงาน ไฟล์ หรือแบบ" aria-label="ค้นหาในตารางผลการตรวจ"></div>
<div class="scroll">${table('sheets', SHEET_COLUMNS, sheets)}</div>
</section>
<section class="panel" aria-labelledby="h-issues">
<h2 id="h-issues">ปัญหาที่พบ (${issues.length.toLocaleString('th-TH')} รายการ${issues.length > shownIssues.length ? `; แสดง ${shownIssues.length.toLocaleString('th-TH')} รายการแรก — ทั้งหมดอยู่ในรายงาน .xlsx, .csv หรือ .json` : ''})</h2>
<div class="tools"><input type="search" data-filter="issues" placeholder="ค้นหารหัสปัญหา หน่วยงาน หรือข้อความ" aria-label="ค้นหาในตารางปัญหา"></div>
<div class="scroll">${table('issues', ISSUE_COLUMNS, shownIssues)}</div>
</section>
<script>${JS}</script>
</body>
</html>
`;
}
