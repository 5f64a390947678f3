/** The check report for people: per sheet, issues grouped by row, in Thai. */
import type { WorkbookReport } from '../domain/check/types';

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
    let currentRow: number | null | undefined;
    for (const i of s.issues) {
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
