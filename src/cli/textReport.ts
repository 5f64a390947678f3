/**
 * The check report for people: per sheet, errors by row in Thai; a warning that repeats (the same
 * code three times or more) reads as one line with its count, its first cells and its fix, so the
 * errors are not lost among a hundred synonyms and text dates.
 */
import type { Issue, WorkbookReport } from '../domain/check/types';

/** A kind of warning repeated this often is one line. */
const GROUP_AT = 3;
const FIRST_CELLS = 5;

/** What the automatic fix of a kind does, as the officer reads it. */
const FIX_WORDS: Readonly<Record<string, string>> = {
  'option-synonym': 'เปลี่ยนเป็นคำตามแบบฟอร์ม',
  'option-legacy': 'เปลี่ยนเป็นตัวเลือกฉบับปัจจุบัน',
  'date-as-text': 'เปลี่ยนข้อความเป็นวันที่จริง',
  'date-as-number': 'เปลี่ยนตัวเลขเป็นวันที่จริง',
  'money-as-text': 'เปลี่ยนข้อความเป็นตัวเลข',
  'prefilled-unused': 'ล้างแถวที่กรอกไว้ล่วงหน้าแต่ไม่ได้ใช้',
  'status-from-dates': 'เขียนสถานะตามวันที่ในสัญญา',
  'agency-inconsistent': 'เขียนค่าเดียวกับแถวอื่น',
};

function cell(i: Issue): string {
  return i.column ? `${i.column}${i.row ?? ''}` : i.row !== null ? `แถว ${i.row}` : 'ทั้งแผ่นงาน';
}

function groupLine(code: string, list: readonly Issue[]): string[] {
  const cells = list.slice(0, FIRST_CELLS).map(cell).join(', ') + (list.length > FIRST_CELLS ? ' …' : '');
  const lines = [`    ! คำเตือน [${code}] × ${list.length} — ${cells}`];
  const withFix = list.filter((i) => i.fix);
  const example = withFix[0] ?? list[0];
  if (withFix.length > 0) {
    const what = FIX_WORDS[code] ?? 'แก้ไขอัตโนมัติ';
    const all = withFix.length === list.length ? 'ทุกช่อง' : `${withFix.length} ช่อง`;
    lines.push(`      แก้ได้อัตโนมัติ (${all}): ${what} เช่น ${cell(example)} → ${example.fix?.display ?? ''}`);
  }
  lines.push(`      เช่น ${cell(example)}: ${example.message}`);
  return lines;
}

export function textReport(file: string, report: WorkbookReport): string {
  const lines: string[] = [];
  lines.push(`ไฟล์ ${file}`);
  for (const s of report.sheets) {
    lines.push('');
    if (!s.template) {
      lines.push(`แผ่นงาน "${s.sheet}": ไม่ใช่แบบที่รู้จัก (ข้าม)`);
      continue;
    }
    const errors = s.issues.filter((i) => i.severity === 'error').length;
    const warnings = s.issues.length - errors;
    lines.push(`แผ่นงาน "${s.sheet}": แบบ ${s.item ?? ''} ${s.template} (ITA ${s.edition}), หัวตารางแถว ${s.headerRow}, ${s.rows} รายการ — ข้อผิดพลาด ${errors}, คำเตือน ${warnings}`);
    for (const f of s.figures ?? []) lines.push(`  ${f.label}: ${f.value}`);
    const byCode = new Map<string, Issue[]>();
    for (const i of s.issues) {
      if (i.severity !== 'warning') continue;
      const list = byCode.get(i.code) ?? [];
      list.push(i);
      byCode.set(i.code, list);
    }
    const grouped = new Set([...byCode].filter(([, list]) => list.length >= GROUP_AT).map(([code]) => code));
    if (grouped.size > 0) {
      lines.push('  คำเตือนที่ซ้ำกัน');
      for (const code of grouped) lines.push(...groupLine(code, byCode.get(code) ?? []));
    }
    let currentRow: number | null | undefined;
    for (const i of s.issues) {
      if (i.severity === 'warning' && grouped.has(i.code)) continue;
      if (i.row !== currentRow) {
        currentRow = i.row;
        lines.push(i.row === null ? '  ทั้งแผ่นงาน' : `  แถว ${i.row}`);
      }
      const mark = i.severity === 'error' ? '✗ ผิดพลาด' : '! คำเตือน';
      const where = i.column ? `${i.column}${i.row ?? ''} ` : '';
      lines.push(`    ${mark} ${where}${i.message} [${i.code}]`);
    }
  }
  lines.push('');
  const verdict = report.errors === 0 ? 'พร้อมเผยแพร่ (ready to publish)' : 'ยังไม่พร้อมเผยแพร่ (not ready)';
  lines.push(`สรุป: ข้อผิดพลาด ${report.errors}, คำเตือน ${report.warnings} — ${verdict}`);
  return lines.join('\n');
}
