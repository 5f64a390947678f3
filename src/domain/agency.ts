/** The agency profile: parsed from JSON (the `--agency` file, the workbook's own copy) with clear errors. */
import type { AgencyProfile } from './check/types';
import type { Parsed } from './values/problem';
import { fail, ok } from './values/problem';
import { parseFiscalYear } from './values/thaiDate';

const TEXT_KEYS = ['name', 'district', 'province', 'ministry', 'agencyType', 'website'] as const;
const KNOWN = new Set<string>([...TEXT_KEYS, 'fiscalYear']);

export function parseAgencyProfile(json: string): Parsed<AgencyProfile> {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail('agency-json', `ไฟล์ข้อมูลหน่วยงานไม่ใช่ JSON ที่ถูกต้อง (${(e as Error).message})`, `The agency file is not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('agency-json', 'ไฟล์ข้อมูลหน่วยงานต้องเป็นออบเจ็กต์ JSON เช่น {"name": "เทศบาลตำบลชุมพล", ...}', 'The agency file must be a JSON object');
  }
  const obj = data as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !KNOWN.has(k));
  if (unknown.length) {
    return fail('agency-key', `ไฟล์ข้อมูลหน่วยงานมีคีย์ที่ไม่รู้จัก: ${unknown.join(', ')} (ใช้ได้: ${[...KNOWN].join(', ')})`, `Unknown keys in the agency file: ${unknown.join(', ')}`);
  }
  const out: { -readonly [K in keyof AgencyProfile]: AgencyProfile[K] } = {};
  for (const k of TEXT_KEYS) {
    const v = obj[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return fail('agency-value', `"${k}" ในไฟล์ข้อมูลหน่วยงานต้องเป็นข้อความ`, `"${k}" in the agency file must be a string`);
    if (v.trim()) out[k] = v.trim();
  }
  if (obj.fiscalYear !== undefined && obj.fiscalYear !== null && obj.fiscalYear !== '') {
    const fy = parseFiscalYear(typeof obj.fiscalYear === 'number' || typeof obj.fiscalYear === 'string' ? obj.fiscalYear : String(obj.fiscalYear));
    if (!fy.ok) return fail('agency-value', `"fiscalYear" ในไฟล์ข้อมูลหน่วยงานไม่ถูกต้อง: ${fy.problem.th}`, `"fiscalYear" in the agency file: ${fy.problem.en}`);
    out.fiscalYear = fy.value;
  }
  if (out.website && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(out.website)) {
    return fail('agency-value', `"website" ต้องเป็นที่อยู่เว็บไซต์ เช่น https://www.chumponcity.go.th (ได้ "${out.website}")`, `"website" must be a web address such as https://www.example.go.th`);
  }
  return ok(out);
}
