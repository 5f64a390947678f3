/** Drop-down lists of the measures workbooks, with the wordings agencies use for the same thing. */
import type { OptionList } from '../values/options';

export const MEASURE_DONE = 'ดำเนินการ';
export const MEASURE_NOT_DONE = 'ยังไม่ได้ดำเนินการ';
export const PUBLISHED = 'ดำเนินการแล้ว';
export const NOT_PUBLISHED = 'ยังไม่ได้ดำเนินการ';

const measureStatus: OptionList = {
  id: 'measureStatus',
  options: [
    { value: MEASURE_DONE, synonyms: ['ดำเนินการแล้ว', 'ดำเนินการเรียบร้อยแล้ว', 'แล้วเสร็จ', 'เสร็จสิ้น', 'อยู่ระหว่างดำเนินการ', '✓', '☑', '√'] },
    { value: MEASURE_NOT_DONE, synonyms: ['ยังไม่ดำเนินการ', 'ไม่ได้ดำเนินการ', '☐'] },
  ],
  // "☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ ดังนี้ …" (seeds 000, 004): the ticked box says it.
  phrases: [
    ...['ยังไม่ได้ดำเนินการ', 'ยังไม่ดำเนินการ', 'ไม่ได้ดำเนินการ'].map((text) => ({ text, value: MEASURE_NOT_DONE })),
    ...['✓', '✔', '☑', '☒', '√', 'ดำเนินการ'].map((text) => ({ text, value: MEASURE_DONE })),
  ],
};

const publishStatus: OptionList = {
  id: 'publishStatus',
  options: [
    { value: PUBLISHED, synonyms: ['ดำเนินการ', 'เผยแพร่แล้ว', 'เผยแพร่', 'มี'] },
    { value: NOT_PUBLISHED, synonyms: ['ยังไม่ดำเนินการ', 'ยังไม่เผยแพร่', 'ไม่มี', 'ไม่ได้ดำเนินการ', '☐'] },
  ],
  // Seed 000 writes the status as a ticked sentence: "✓ เปิดเผยแพร่ข้อมูลครบถ้วนตามองค์ประกอบที่กำหนด…".
  phrases: [
    ...['ยังไม่ได้ดำเนินการ', 'ยังไม่ดำเนินการ', 'ไม่ได้ดำเนินการ', 'ยังไม่ได้เผยแพร่', 'ยังไม่เผยแพร่', 'ไม่ได้เผยแพร่', 'ไม่ได้เปิดเผย'].map((text) => ({ text, value: NOT_PUBLISHED })),
    ...['✓', '✔', '☑', '☒', '√', 'เผยแพร่', 'เปิดเผย', 'ดำเนินการแล้ว'].map((text) => ({ text, value: PUBLISHED })),
  ],
};

const itaTool: OptionList = {
  id: 'itaTool',
  options: [
    { value: 'IIT', synonyms: ['iit', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน'] },
    { value: 'EIT', synonyms: ['eit', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก'] },
    { value: 'OIT', synonyms: ['oit', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ'] },
  ],
};

export const MEASURE_OPTION_LISTS: readonly OptionList[] = [measureStatus, publishStatus, itaTool];
