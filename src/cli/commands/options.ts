/** Options several commands share, declared once so their help reads the same everywhere. */
import { parseFiscalYear, parseIsoDate } from '../../domain/values/thaiDate';
import type { OptionSpec } from '../args';
import { UsageError } from '../args';
import { Unusable } from '../inputs';

export const FORCE: OptionSpec = { type: 'boolean', help: 'แทนที่ไฟล์ผลลัพธ์ที่มีอยู่แล้ว / replace an existing output file' };
export const EDITION: OptionSpec = { type: 'string', value: 'YEAR', help: 'ปี ITA ของแบบ (ค่าเริ่มต้น ฉบับล่าสุด หรือปีของ --fiscal-year) / the ITA edition (default: the latest, or the --fiscal-year one)' };
export const FISCAL_YEAR: OptionSpec = { type: 'string', value: 'N', help: 'ปีงบประมาณที่ประเมิน (พ.ศ.) / the assessed fiscal year (BE)' };
export const AGENCY: OptionSpec = { type: 'string', value: 'agency.json', help: 'ข้อมูลหน่วยงาน / the agency profile' };
export const WEBSITE: OptionSpec = { type: 'string', value: 'URL', help: 'เว็บไซต์หลักของหน่วยงาน / the agency\'s main website' };
export const CATALOGUE: OptionSpec = { type: 'string', value: 'catalogue.json', help: 'ไฟล์แค็ตตาล็อกที่เพิ่มหรือแก้ฉบับ ITA เช่น 2570 / a catalogue file adding or correcting an edition' };
export const AS_OF: OptionSpec = { type: 'string', value: 'YYYY-MM-DD', help: 'ตรวจ ณ วันที่ (ค.ศ.) / check as of this date' };

/** "chumponcity.go.th" or "https://www.chumponcity.go.th": an http(s) address, or a clear error. */
export function websiteOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const url = /^https?:\/\//i.test(v.trim()) ? v.trim() : `https://${v.trim()}`;
  if (!/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(url)) {
    throw new Unusable(`--website ต้องเป็นที่อยู่เว็บไซต์ เช่น https://www.chumponcity.go.th (ได้รับ "${v}")`, `--website must be a web address, got "${v}"`);
  }
  return url;
}

export function fiscalYearOption(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const p = parseFiscalYear(v);
  if (!p.ok) throw new UsageError(`--fiscal-year ไม่ถูกต้อง: ${p.problem.th}`, `Bad --fiscal-year: ${p.problem.en}`);
  return p.value;
}

export function asOfOption(v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const d = parseIsoDate(v);
  if (d === null) throw new UsageError(`--as-of ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) ได้ "${v}"`, `--as-of must be YYYY-MM-DD, got "${v}"`);
  return d;
}

/** Only one file where one is expected: a second one is a mistake worth naming. */
export function oneOperand(command: string, operands: readonly string[], what: { th: string; en: string }): string {
  if (operands.length === 0) throw new UsageError(`ระบุ${what.th}`, `name ${what.en}`);
  if (operands.length > 1) {
    throw new UsageError(`คำสั่ง ${command} รับไฟล์เดียว ได้รับ ${operands.length} ค่า: ${operands.join(' ')}`, `${command} takes one file, got ${operands.length}: ${operands.join(' ')}`);
  }
  return operands[0];
}
