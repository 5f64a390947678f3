/**
 * The integrity-measures items as data: the seven issue areas of the o34 analysis (ITA 2567), the
 * four parts of each measure, and the column wordings of the o34 measures table and the o35 report
 * as the seeds write them (correct them here).
 *
 * Sources: seed 000 (เทศบาลตำบลชุมพล, ITA 2567: the o34 requirement in its OIT table, and its
 * seven-column measures/results table), seed 002 (เทศบาลเมืองเมืองพล, analysis of ITA 2563: a
 * measures table keyed by indicator), seed 003 (อบต.เชียงพิณ, o35 report FY 2568), seed 004
 * (อบต.ทุ่งต่อ, o35 report on FY 2567, poor OCR: only its legible headers are used).
 * Headers are compared by the consumer after normalisation (spaces and line breaks inside a header
 * are common: the seeds wrap them); aliases list the seeds' spellings, spaces kept where the seed has
 * them.
 */

export interface IntegrityIssue {
  /** 1..7, the order of the o34 requirement. */
  readonly no: number;
  /** The wording of seed 000's o34 requirement "(๑) … (๗) …". */
  readonly title: string;
  /**
   * Short phrases that identify the area in a label, tolerantly (compare with spaces and line
   * breaks removed). Do not rely on the label's number: seed 000 numbers area 7 '๖.' and seed 003
   * words its group 7 like group 6.
   */
  readonly keywords: readonly string[];
  /** How the seeds label the area in their tables, verbatim (line-wrap spaces kept). */
  readonly seedLabels: readonly string[];
}

/**
 * The seven issue areas of the o34 analysis, ITA 2567. Titles from seed 000's o34 requirement,
 * which lost the markers (๔) and (๕) in extraction ("…ข้อมูลข่าวสารภาครัฐกระบวนการกำกับดูแล…"):
 * the run-on text is split at the obvious boundaries; DOMAIN.md lists the same seven.
 */
export const INTEGRITY_ISSUES_2567: readonly IntegrityIssue[] = [
  {
    no: 1,
    title: 'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
    keywords: ['ปฏิบัติงานที่โปร่งใส', 'กระบวนการปฏิบัติงาน'],
    seedLabels: [
      'กระบวนการปฏิบัติงาน ที่โปร่งใสและมี ประสิทธิภาพ',
      '1.มาตรการส่งเสริมและสนับสนุนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
    ],
  },
  {
    no: 2,
    title: 'การให้บริการและระบบ E-Service',
    keywords: ['E-Service', 'การให้บริการ'],
    seedLabels: ['๒. การให้บริการและระบบ E-Service', '2.มาตรการ การให้บริการที่ดี'],
  },
  {
    no: 3,
    title: 'ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ',
    keywords: ['ประชาสัมพันธ์', 'เผยแพร่ข้อมูลข่าวสาร', 'ช่องทางและรูปแบบ'],
    seedLabels: [
      '๓. ช่องทางและรูปแบบ การประชาสัมพันธ์ เผยแพร่ข้อมูลข่าวสาร ภาครัฐ',
      '3.มาตรการการ ประชาสัมพันธ์ เผยแพร่ข้อมูล ข่าวสาร',
    ],
  },
  {
    no: 4,
    title: 'กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ',
    keywords: ['ทรัพย์สินของราชการ', 'ทรัพย์สิน'],
    seedLabels: [
      '๔. กระบวนการกำกับ ดูแลทรัพย์สินการใช้ ทรัพย์สินของราชการ',
      '4.มาตรการกำกับดูแลการใช้ทรัพย์สินของหน่วยงาน',
    ],
  },
  {
    no: 5,
    title: 'กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง',
    keywords: ['จัดซื้อจัดจ้าง', 'งบประมาณ'],
    seedLabels: [
      '๕. กระบวนการสร้าง ความโปร่งใสในการใช้ งบประมาณการจัดซื้อ จัดจ้าง',
      '5.มาตรการสร้างความโปร่งใส ในการบริหารงบประมาณฯ',
    ],
  },
  {
    no: 6,
    title: 'กระบวนการควบคุมตรวจสอบการใช้อำนาจและการบริหารงานบุคคล',
    keywords: ['การใช้อำนาจ', 'บริหารงานบุคคล'],
    seedLabels: [
      '๖. กระบวนการควบคุม ตรวจสอบการใช้อำนาจ และการบริหารงาน บุคคล',
      '6.มาตรการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล',
    ],
  },
  {
    no: 7,
    title: 'กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน',
    keywords: ['ป้องกันการทุจริต', 'แก้ไขและป้องกัน', 'กลไกและมาตรการ'],
    // Seed 000 numbers this area '๖.'; seed 003's group 7 repeats group 6's wording
    // ('7.มาตรการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล'), so it has no label of its own.
    seedLabels: ['๖. กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน'],
  },
];

export interface ColumnWording {
  /** Stable key. */
  readonly key: string;
  /** The header to write. */
  readonly header: string;
  /** Other wordings seen in the seeds (each alias's source in the comment beside it). */
  readonly aliases: readonly string[];
}

export interface MeasureComponent extends ColumnWording {
  /** 1..4, the order of the o34 requirement. */
  readonly no: number;
  /** The part as seed 000's o34 requirement words it. */
  readonly requirement: string;
}

/** The issue column of the o34 measures table (seed 000). */
export const MEASURE_ISSUE_COLUMN: ColumnWording = {
  key: 'issue',
  header: 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
  aliases: [
    'ประเด็นที่เป็น ข้อบกพร่อง/จุดอ่อน', // seed 000, as printed
    'ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อน', // seed 001 o42 requirement, seed 002 OIT comment
  ],
};

/**
 * The four parts of each measure (o34, ITA 2567): seed 000's requirement "(๑) วิธีการนำผลการ
 * วิเคราะห์ไปสู่การปฏิบัติ (๒) การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง (๓) การกำหนดขั้นตอนหรือวิธีการ
 * ปฏิบัติ (๔) ระยะเวลา", with the column headers seed 000's table uses for them.
 * Seed 002's 2563 table (ตัวชี้วัด | ผล คะแนน | มาตรการ/แนวทางการพัฒนา | ขั้นตอน/วิธีการ |
 * หน่วยงานที่รับผิดชอบ) keys its rows by indicator instead of issue area and has no period column.
 */
export const MEASURE_COMPONENTS: readonly MeasureComponent[] = [
  {
    no: 1,
    key: 'action',
    requirement: 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ',
    header: 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ/มาตรการ',
    aliases: [
      'วิธีการนำผลการวิเคราะห์ ไปสู่การปฏิบัติ/มาตรการ', // seed 000, as printed
      'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', // seed 000 o34 requirement
      'มาตรการ/แนวทางการพัฒนา', // seed 002
      'แนวทางในการยกระดับการประเมิน', // seed 004
    ],
  },
  {
    no: 2,
    key: 'responsible',
    requirement: 'การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง',
    header: 'ผู้รับผิดชอบ',
    aliases: [
      'หน่วยงานที่รับผิดชอบ', // seed 002
      'หน่วยงานผู้รับผิดชอบ', // seed 003
    ],
  },
  {
    no: 3,
    key: 'steps',
    requirement: 'การกำหนดขั้นตอนหรือวิธีการปฏิบัติ',
    header: 'ขั้นตอนหรือวิธีการปฏิบัติ',
    aliases: [
      'ขั้นตอน/วิธีการปฏิบัติ', // seed 003
      'ขั้นตอน/วิธีการ', // seed 002
      'วิธีดำเนินการ', // seed 004
    ],
  },
  {
    no: 4,
    key: 'period',
    requirement: 'ระยะเวลา',
    header: 'ระยะเวลาดำเนินการ',
    aliases: [
      'ระยะเวลา ดำเนินการ', // seed 000, as printed
      'ระยะเวลา', // seed 000 o34 requirement, seed 004
      'ระยะเวลาในการดำเนินการ', // seed 004 (printed 'ระบบเวลาในการ ดำเนินการ' by its OCR)
    ],
  },
];

/**
 * The o35 report's columns (รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน),
 * in the usual order. Its requirement (seed 000 o35; seed 004's memo) lists three elements:
 * "(๑) มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
 * (๒) สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม (๓) ผลลัพธ์หรือความสำเร็จของการดำเนินการ"; the
 * seeds' tables add steps, responsible and period. Seed 004 also has a leading 'ลำดับ' column.
 */
export const MEASURE_REPORT_COLUMNS: readonly ColumnWording[] = [
  {
    key: 'measure',
    header: 'มาตรการ/กิจกรรม', // seed 004
    aliases: [
      'มาตรการ/กิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', // seed 003
      'มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', // o35 requirement (seeds 000, 004)
      'มาตรการหรือกิจกรรม',
      'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ/มาตรการ', // seed 000's combined table
      'วิธีการนำผลการวิเคราะห์ ไปสู่การปฏิบัติ/มาตรการ', // seed 000, as printed
      'แนวทางในการยกระดับการประเมิน', // seed 004's per-indicator table
    ],
  },
  {
    key: 'steps',
    header: 'ขั้นตอน/วิธีการปฏิบัติ', // seed 003
    aliases: [
      'ขั้นตอนหรือวิธีการปฏิบัติ', // seed 000
      'วิธีดำเนินการ', // seed 004
    ],
  },
  {
    key: 'responsible',
    header: 'ผู้รับผิดชอบ', // seeds 000, 004
    aliases: [
      'หน่วยงานผู้รับผิดชอบ', // seed 003
    ],
  },
  {
    key: 'period',
    header: 'ระยะเวลาดำเนินการ', // seed 003
    aliases: [
      'ระยะเวลา ดำเนินการ', // seed 000, as printed
      'ระยะเวลาในการดำเนินการ', // seed 004
      'ระยะเวลา', // seed 004's per-indicator table
    ],
  },
  {
    key: 'status',
    header: 'สถานะ', // not a seed header: see MEASURE_STATUS
    aliases: [],
  },
  {
    key: 'result',
    header: 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม', // seed 003; o35 requirement
    aliases: [
      'สรุปผลการดำเนินการ',
      'ผลดำเนินการตามมาตรการ', // seed 000 (printed 'ผลดำเนินการตาม มาตรการ')
      'สรุปผลการดำเนินการตามมาตรการ หรือกิจกรรม', // seed 004 (its OCR prints 'มาตรฐานการ')
      'ความก้าวหน้าผลการดำเนินการ', // seed 004's per-indicator table
    ],
  },
  {
    key: 'outcome',
    header: 'ผลลัพธ์หรือความสำเร็จในการดำเนินการ', // seeds 000, 003, 004
    aliases: [
      'ผลลัพธ์หรือความสำเร็จ',
      'ผลลัพธ์หรือความสำเร็จของการดำเนินการ', // o35 requirement (seeds 000, 004)
      'ผลลัพธ์หรือ ความสำเร็จในการ ดำเนินการ', // seed 000, as printed
    ],
  },
];
