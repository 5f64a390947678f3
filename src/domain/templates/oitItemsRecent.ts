/**
 * The OIT checklist items of ITA 2568 (O1–O28) and ITA 2569 (O1–O26), as data (correct them here).
 *
 * Source: DOMAIN.md "Editions 2568 and 2569" — best known, from one agency's published OIT pages;
 * no official NACC manual. Names are that page's wording. Their elements (องค์ประกอบด้านข้อมูล)
 * are not known item by item; what is known is the period each item covers ("plans and risk
 * assessments cover the current fiscal year; reports and statistics the previous one") and, for
 * the procurement and measures items, the template they are filled in. Kept in its own module so
 * the pane can load the checklist data lazily.
 */
import type { OitItem } from './oitItems';

/** The period an item's content must cover. */
export type OitPeriod = 'current' | 'previous';

export interface RecentOitItem extends OitItem {
  readonly period?: OitPeriod;
}

const CURRENT = 'เป็นข้อมูลของปีงบประมาณที่ประเมิน';
const PREVIOUS = 'เป็นข้อมูลของปีงบประมาณที่ผ่านมา';

function item(no: number, name: string, period?: OitPeriod, components: readonly string[] = []): RecentOitItem {
  const when = period === 'current' ? [CURRENT] : period === 'previous' ? [PREVIOUS] : [];
  return { no: `o${no}`, name, components: [...components, ...when], ...(period ? { period } : {}) };
}

export const OIT_ITEMS_2568: readonly RecentOitItem[] = [
  item(1, 'โครงสร้างและอำนาจหน้าที่'),
  item(2, 'ข้อมูลผู้บริหาร'),
  item(3, 'ข้อมูลการติดต่อ'),
  item(4, 'ข่าวประชาสัมพันธ์', 'current'),
  item(5, 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', 'current'),
  item(6, 'แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี', 'current'),
  item(7, 'รายงานผลการดำเนินงานประจำปี', 'previous'),
  item(8, 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่'),
  item(9, 'คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ'),
  item(10, 'E–Service'),
  item(11, 'ข้อมูลสถิติการให้บริการ', 'previous'),
  item(12, 'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', 'current', [
    'ตามรูปแบบไฟล์ Excel ที่กำหนด (แบบความก้าวหน้าการจัดซื้อจัดจ้าง)',
  ]),
  item(13, 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี', 'previous', [
    'ตามรูปแบบไฟล์ Excel ที่กำหนด พร้อมสรุปจำนวนรายการและงบประมาณจำแนกตามวิธีการจัดซื้อจัดจ้าง',
  ]),
  item(14, 'แผนการบริหารและพัฒนาทรัพยากรบุคคล', 'current'),
  item(15, 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล', 'previous'),
  item(16, 'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม'),
  item(17, 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'),
  item(18, 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'),
  item(19, 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'previous'),
  item(20, 'การเปิดโอกาสให้เกิดการมีส่วนร่วม'),
  item(21, 'ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่', 'current'),
  item(22, 'รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา', 'previous'),
  item(23, 'การประเมินความเสี่ยงการทุจริต', 'current'),
  item(24, 'รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ', 'previous'),
  item(25, 'แผนปฏิบัติการป้องกันการทุจริต', 'current'),
  item(26, 'รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต', 'previous'),
  item(27, 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'current'),
  item(28, 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'previous'),
];

export const OIT_ITEMS_2569: readonly RecentOitItem[] = [
  item(1, 'โครงสร้าง หน้าที่และอำนาจ'),
  item(2, 'ข้อมูลผู้บริหาร'),
  item(3, 'ข้อมูลการติดต่อและช่องทางการสอบถาม'),
  item(4, 'ข่าวประชาสัมพันธ์', 'current'),
  item(5, 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', 'current'),
  item(6, 'แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี', 'current'),
  item(7, 'รายงานผลการดำเนินงานประจำปี', 'previous'),
  item(8, 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่'),
  item(9, 'คู่มือหรือแนวทางการขอรับบริการ'),
  item(10, 'ระบบการให้บริการผ่านช่องทางออนไลน์', undefined, ['E-Service และข้อมูลสถิติการให้บริการ']),
  item(11, 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน', 'current', [
    'ตามแบบ สขร.1 แยกตารางรายเดือน เผยแพร่รายไตรมาส',
    'เดือนที่ไม่มีการจัดซื้อจัดจ้างให้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"',
  ]),
  item(12, 'รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน', 'previous', [
    'ตารางตามแบบ สขร.1 ครบ 12 เดือน (ต.ค. – ก.ย.)',
    'สรุปจำนวนรายการและงบประมาณจำแนกตามวิธีการจัดซื้อจัดจ้าง',
  ]),
  item(13, 'หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล', 'current'),
  item(14, 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล', 'previous'),
  item(15, 'ประมวลจริยธรรมการขับเคลื่อนจริยธรรม'),
  item(16, 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'),
  item(17, 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'),
  item(18, 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'previous'),
  item(19, 'ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน'),
  item(20, 'การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ', 'current'),
  item(21, 'การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ', 'current'),
  item(22, 'รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต', 'previous'),
  item(23, 'แผนปฏิบัติการป้องกันการทุจริต', 'current'),
  item(24, 'รายงานผลการดำเนินการป้องกันการทุจริต', 'previous'),
  item(25, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'current', [
    'ผลการวิเคราะห์คะแนน ITA ของปีที่ผ่านมา (จุดแข็ง จุดอ่อน ตัวชี้วัดที่คะแนนลดลง)',
    'การดำเนินการเพื่อพัฒนาองค์กรจากผลการวิเคราะห์',
  ]),
  item(26, 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'previous'),
];

/** Where these editions come from (shown by `ita-forms templates`). */
export const OIT_RECENT_SOURCE = 'DOMAIN.md "Editions 2568 and 2569" (best known, one agency\'s OIT pages; no official manual)';

export const OIT_ITEMS_RECENT: Readonly<Record<string, readonly RecentOitItem[]>> = {
  '2568': OIT_ITEMS_2568,
  '2569': OIT_ITEMS_2569,
};
