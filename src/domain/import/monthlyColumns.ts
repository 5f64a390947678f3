/**
 * The monthly summary แบบ สขร.1 (สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน) as DATA: how its
 * headers are recognised and the words its combined cells use. Correct them here, in one place.
 *
 * Official headers: ลำดับ | งานที่จัดซื้อหรือจัดจ้าง | วงเงินที่จะซื้อหรือจ้าง (บาท) | ราคากลาง (บาท)
 * | วิธีซื้อหรือจ้าง | รายชื่อผู้เสนอราคาและราคาที่เสนอ | ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง
 * | เหตุผลที่คัดเลือกโดยสรุป | เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง
 */

export type MonthlyColumnKey = 'seq' | 'item' | 'budget' | 'medianPrice' | 'method' | 'offers' | 'winner' | 'reason' | 'contract';

export interface MonthlyColumn {
  readonly key: MonthlyColumnKey;
  readonly header: string;
  /**
   * A header matches when its key (no spaces, no "(บาท)") contains every word of one of these
   * sets. Checked in this order; a header is taken by the first column that wants it.
   */
  readonly matchAll: readonly (readonly string[])[];
  /** Exact keys (for short headers such as ที่). */
  readonly exact?: readonly string[];
}

export const MONTHLY_COLUMNS: readonly MonthlyColumn[] = [
  { key: 'seq', header: 'ลำดับ', matchAll: [], exact: ['ลำดับ', 'ลำดับที่', 'ที่'] },
  { key: 'offers', header: 'รายชื่อผู้เสนอราคาและราคาที่เสนอ', matchAll: [['ผู้เสนอราคา'], ['ผู้ยื่นข้อเสนอ']] },
  { key: 'winner', header: 'ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง', matchAll: [['ผู้ได้รับการคัดเลือก'], ['ผู้ได้รับคัดเลือก'], ['ผู้ชนะ']] },
  { key: 'reason', header: 'เหตุผลที่คัดเลือกโดยสรุป', matchAll: [['เหตุผล']] },
  { key: 'contract', header: 'เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง', matchAll: [['เลขที่', 'สัญญา'], ['เลขที่', 'ข้อตกลง'], ['เลขที่และวันที่']] },
  { key: 'item', header: 'งานที่จัดซื้อหรือจัดจ้าง', matchAll: [['งานที่จัดซื้อ'], ['งานที่ซื้อ'], ['งานจัดซื้อ'], ['รายการ', 'จัดซื้อ']] },
  { key: 'budget', header: 'วงเงินที่จะซื้อหรือจ้าง (บาท)', matchAll: [['วงเงิน']] },
  { key: 'medianPrice', header: 'ราคากลาง (บาท)', matchAll: [['ราคากลาง']] },
  { key: 'method', header: 'วิธีซื้อหรือจ้าง', matchAll: [['วิธีซื้อ'], ['วิธีการซื้อ'], ['วิธีจัดซื้อ'], ['วิธีการจัดซื้อ']] },
];

/** Columns a sheet must have to be read as สขร.1. */
export const MONTHLY_REQUIRED: readonly MonthlyColumnKey[] = ['item', 'winner', 'contract'];

/** Text that says the month had no procurement (compared without spaces). */
export const NO_PROCUREMENT_PHRASES: readonly string[] = [
  'ไม่มีการจัดซื้อจัดจ้าง',
  'ไม่มีการจัดซื้อหรือจัดจ้าง',
  'ไม่มีการจัดซื้อ/จัดจ้าง',
  'ไม่มีการซื้อหรือจ้าง',
  'ไม่มีผลการจัดซื้อจัดจ้าง',
];

/** Words that introduce the agreed price inside the winner cell ("… ราคา 2,390,000 บาท"). */
export const PRICE_WORDS: readonly string[] = [
  'ราคาที่ตกลงซื้อหรือจ้าง',
  'ราคาที่ตกลงซื้อ',
  'ราคาที่ตกลงจ้าง',
  'ราคาที่ตกลง',
  'ราคาที่เสนอ',
  'เสนอราคา',
  'เป็นเงิน',
  'จำนวนเงิน',
  'ราคา',
];

/** Words that end the amount. */
export const BAHT_WORDS: readonly string[] = ['บาทถ้วน', 'บาท', '.-', 'บ.'];

/** Words before the contract's date ("ลงวันที่", "ลว."). */
export const CONTRACT_DATE_WORDS: readonly string[] = ['ลงวันที่', 'ลว.', 'ลว', 'วันที่'];

/** Rows under the table that are notes, not procurements. */
export const NOTE_STARTS: readonly string[] = ['หมายเหตุ', 'ลงชื่อ', 'ลงนาม', 'ผู้จัดทำ', 'ผู้รายงาน', 'ผู้ตรวจสอบ', 'ผู้รับรอง', 'ตำแหน่ง', 'รวม', '*'];
