/**
 * e-GP open data as DATA: which column of which export means which field, how e-GP groups its
 * methods, and the status words that mean a cancelled procurement. Correct them here, in one place.
 *
 * Two exports exist (DOMAIN.md, "Data officers already have"):
 * - the bulk CSV of govspending / data.go.th, one row per contract, long Thai headers;
 * - the API / CKAN datastore (CSV or JSON `{result: {records: [...]}}`), short headers.
 * Headers are compared after removing white space (exports differ in "(บาท)" vs " (บาท)").
 */
import { METHODS_GENERAL, METHODS_SELECTION, METHODS_SPECIFIC } from '../templates/options';
import type { SourceField } from './sourceRecord';

export interface EgpColumn {
  readonly field: SourceField;
  /** The header of the bulk CSV, exactly as shipped. */
  readonly bulk: string;
  /** The header of the API / datastore variant. */
  readonly api?: string;
  /** Other spellings seen. */
  readonly aliases?: readonly string[];
}

export const EGP_COLUMNS: readonly EgpColumn[] = [
  { field: 'projectNumber', bulk: 'รหัสโครงการ', aliases: ['เลขที่โครงการ'] },
  { field: 'item', bulk: 'ชื่อโครงการจัดซื้อจัดจ้าง', api: 'ชื่อโครงการ' },
  { field: 'agencyName', bulk: 'ชื่อหน่วยงาน' },
  { field: 'subAgencyName', bulk: 'ชื่อหน่วยงานย่อย' },
  { field: 'method', bulk: 'ชื่อวิธีการจัดซื้อจัดจ้าง', api: 'วิธีจัดซื้อฯ', aliases: ['วิธีการจัดซื้อจัดจ้าง', 'วิธีจัดซื้อจัดจ้าง'] },
  { field: 'methodGroup', bulk: 'ชื่อกลุ่มวิธีการจัดซื้อจัดจ้าง', api: 'กลุ่มวิธีจัดซื้อฯ', aliases: ['กลุ่มวิธีการจัดซื้อจัดจ้าง'] },
  { field: 'announceDate', bulk: 'วันที่ประกาศจัดซื้อจัดจ้าง', api: 'วันที่ประกาศ' },
  { field: 'budget', bulk: 'วงเงินงบประมาณ (บาท)', api: 'งบประมาณ(บาท)', aliases: ['วงเงินงบประมาณ'] },
  { field: 'medianPrice', bulk: 'ราคากลาง (บาท)', api: 'ราคากลาง(บาท)', aliases: ['ราคากลาง'] },
  {
    field: 'agreedPrice',
    bulk: 'ราคาที่ตกลงซื้อ / จ้าง ซึ่งรวมทุกสัญญาในโครงการ (บาท)',
    api: 'ราคาตกลงซื้อ/จ้าง',
    aliases: ['ราคาที่ตกลงซื้อ/จ้าง', 'ราคาที่ตกลงซื้อ / จ้าง (บาท)'],
  },
  { field: 'fiscalYear', bulk: 'ปีงบประมาณ' },
  { field: 'province', bulk: 'จังหวัด' },
  { field: 'district', bulk: 'เขต/อำเภอ', aliases: ['อำเภอ/เขต', 'อำเภอ'] },
  { field: 'projectStatus', bulk: 'สถานะโครงการ' },
  { field: 'taxId', bulk: 'เลขประจำตัวนิติบุคคล 13 หลัก', api: 'เลขนิติบุคคล', aliases: ['เลขประจำตัวผู้เสียภาษี'] },
  { field: 'winner', bulk: 'ชื่อผู้ชนะการเสนอราคา', api: 'ชื่อผู้ชนะ' },
  { field: 'contractNumber', bulk: 'เลขที่สัญญา' },
  { field: 'signDate', bulk: 'วันที่ลงนามในสัญญา', api: 'วันที่ลงนามสัญญา' },
  { field: 'endDate', bulk: 'วันที่สิ้นสุดสัญญา', aliases: ['วันสิ้นสุดสัญญา'] },
  { field: 'contractAmount', bulk: 'วงเงินงบประมาณในสัญญา (บาท)', api: 'งบสัญญา(บาท)', aliases: ['วงเงินในสัญญา (บาท)'] },
  { field: 'contractStatus', bulk: 'สถานะสัญญา' },
];

/**
 * Without these a file is not an e-GP export we can use: the agency (to filter), the project,
 * the method and the signing date.
 */
export const EGP_REQUIRED: readonly (readonly SourceField[])[] = [
  ['agencyName', 'subAgencyName'],
  ['item', 'projectNumber'],
  ['method', 'methodGroup'],
  ['signDate'],
];

/** Header comparison key: no white space (incl. NBSP, BOM, zero-width), no surrounding quotes. */
export function egpHeaderKey(header: string): string {
  return header.replace(/[\s\u00A0\u200B-\u200D\u2060\uFEFF"]/g, '');
}

/**
 * e-GP's ชื่อกลุ่มวิธีการจัดซื้อจัดจ้าง says which family (พ.ร.บ. 2560 ม.55) a method belongs to.
 * Real exports often write one catch-all group ("วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก
 * เฉพาะเจาะจง") that names every family: it narrows nothing. A group narrows an ambiguous method
 * name only when it names exactly one family.
 */
export interface MethodFamily {
  /** Words that name the family inside a group text (compared without spaces). */
  readonly words: readonly string[];
  /** Official method values of the family (the template's option values). */
  readonly methods: readonly string[];
}

// A design contest (ประกวดแบบ) is a method of its own under ม.70: the general family word alone does not mean it.
const DESIGN_CONTEST_WORD = 'ประกวดแบบ';

export const METHOD_FAMILIES: readonly MethodFamily[] = [
  { words: ['ประกาศเชิญชวนทั่วไป', 'ประกาศเชิญชวน'], methods: METHODS_GENERAL.filter((m) => !m.endsWith(DESIGN_CONTEST_WORD)) },
  { words: ['คัดเลือก'], methods: METHODS_SELECTION },
  { words: ['เฉพาะเจาะจง'], methods: METHODS_SPECIFIC },
  { words: [DESIGN_CONTEST_WORD], methods: METHODS_GENERAL.filter((m) => m.endsWith(DESIGN_CONTEST_WORD)) },
];

/** A project or contract status containing one of these words is a cancelled procurement. */
export const CANCELLED_STATUS_WORDS: readonly string[] = ['ยกเลิก'];
