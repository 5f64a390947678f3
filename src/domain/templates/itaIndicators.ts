/**
 * The ten ITA indicators, the level bands and the level wordings, as data (correct them here).
 *
 * Indicator names per edition as the seeds word them:
 * - '2563': seed 002 (เทศบาลเมืองเมืองพล, its score table "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (IIT)" …).
 * - '2567': seed 000 (เทศบาลตำบลชุมพล, its table "สรุปผลการประเมินรายตัวชี้วัด").
 * The two differ for indicators 1, 5 and 8 (see ITA_INDICATOR_WORDINGS). Seed 001 (2566) names only
 * indicators 9 and 10 in passing, so there is no 2566 list.
 * Tools: IIT for 1–5, EIT for 6–8, OIT for 9–10, as both seeds tag them.
 */

export type ItaTool = 'IIT' | 'EIT' | 'OIT';

export interface ItaIndicator {
  /** 1..10 */
  readonly no: number;
  /** The Thai name as the edition's seed words it. */
  readonly name: string;
  readonly tool: ItaTool;
  /** Set when the seed's own cell differs from `name` (a damaged cell). */
  readonly seedWording?: string;
}

export const ITA_TOOL_OF_INDICATOR: Readonly<Record<number, ItaTool>> = {
  1: 'IIT',
  2: 'IIT',
  3: 'IIT',
  4: 'IIT',
  5: 'IIT',
  6: 'EIT',
  7: 'EIT',
  8: 'EIT',
  9: 'OIT',
  10: 'OIT',
};

const INDICATORS_2567: readonly ItaIndicator[] = [
  // Seed 000 prints 'การปฏิบัติงานที่' (the cell is cut off); the name is seed 002's wording of
  // the same indicator (seed 004, a 2568-cycle report, also writes 'การปฏิบัติหน้าที่').
  { no: 1, name: 'การปฏิบัติหน้าที่', tool: 'IIT', seedWording: 'การปฏิบัติงานที่' },
  { no: 2, name: 'การใช้งบประมาณ', tool: 'IIT' },
  { no: 3, name: 'การใช้อำนาจ', tool: 'IIT' },
  { no: 4, name: 'การใช้ทรัพย์สินของราชการ', tool: 'IIT' },
  { no: 5, name: 'การแก้ปัญหาการทุจริต', tool: 'IIT' },
  { no: 6, name: 'คุณภาพการดำเนินงาน', tool: 'EIT' },
  { no: 7, name: 'ประสิทธิภาพการสื่อสาร', tool: 'EIT' },
  { no: 8, name: 'การปรับปรุงการทำงาน', tool: 'EIT' },
  { no: 9, name: 'การเปิดเผยข้อมูล', tool: 'OIT' },
  { no: 10, name: 'การป้องกันการทุจริต', tool: 'OIT' },
];

export const ITA_INDICATORS: Readonly<Record<string, readonly ItaIndicator[]>> = {
  '2563': [
    { no: 1, name: 'การปฏิบัติหน้าที่', tool: 'IIT' },
    { no: 2, name: 'การใช้งบประมาณ', tool: 'IIT' },
    { no: 3, name: 'การใช้อำนาจ', tool: 'IIT' },
    { no: 4, name: 'การใช้ทรัพย์สินของราชการ', tool: 'IIT' },
    { no: 5, name: 'การแก้ไขปัญหาการทุจริต', tool: 'IIT' },
    { no: 6, name: 'คุณภาพการดำเนินงาน', tool: 'EIT' },
    { no: 7, name: 'ประสิทธิภาพการสื่อสาร', tool: 'EIT' },
    { no: 8, name: 'การปรับปรุงระบบการทำงาน', tool: 'EIT' },
    { no: 9, name: 'การเปิดเผยข้อมูล', tool: 'OIT' },
    { no: 10, name: 'การป้องกันการทุจริต', tool: 'OIT' },
  ],
  '2567': INDICATORS_2567,
  // Best known: no 2568/2569 score table in the seeds; seed 004 (a 2568-cycle report) names the
  // indicators as 2567 does, so both editions keep 2567's wording until a file says otherwise.
  '2568': INDICATORS_2567,
  '2569': INDICATORS_2567,
};

/** Every wording of each indicator seen in the seeds (for tolerant recognition of score tables). */
export const ITA_INDICATOR_WORDINGS: Readonly<Record<number, readonly string[]>> = {
  1: ['การปฏิบัติหน้าที่', 'การปฏิบัติงานที่'],
  2: ['การใช้งบประมาณ'],
  3: ['การใช้อำนาจ'],
  4: ['การใช้ทรัพย์สินของราชการ'],
  5: ['การแก้ไขปัญหาการทุจริต', 'การแก้ปัญหาการทุจริต'],
  6: ['คุณภาพการดำเนินงาน'],
  7: ['ประสิทธิภาพการสื่อสาร'],
  8: ['การปรับปรุงระบบการทำงาน', 'การปรับปรุงการทำงาน'],
  9: ['การเปิดเผยข้อมูล'],
  10: ['การป้องกันการทุจริต'],
};

/** The pass mark: "ผ่านเกณฑ์การประเมิน (๘๕ คะแนนขึ้นไป)" (seeds 000 and 002). */
export const ITA_PASS_MARK = 85;

/**
 * Strengths and weaknesses in an analysis: seed 002 calls a strength an indicator scoring
 * "มากกว่าร้อยละ ๘๕ ขึ้นไป" (≥ 85) and a weakness one scoring "น้อยกว่าร้อยละ ๘๕" (< 85).
 */
export const ITA_STRENGTH_MIN = 85;

export type ItaLevel = 'AA' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface ItaLevelBand {
  readonly level: ItaLevel;
  /** Lowest score of the band (inclusive). */
  readonly min: number;
  /** Highest score of the band as usually written (inclusive, two decimals); none for AA. */
  readonly max?: number;
}

/**
 * Best known (DOMAIN.md), not confirmed by an official file: AA ≥ 95, A 85–94.99, B 75–84.99,
 * C 65–74.99, D 55–64.99, E 50–54.99, F < 50. Consistent with the seeds: 84.09 → B and 60.88 → D
 * (seed 002, ITA 2562/2563), 93.09 passes (seed 000, ITA 2567). Highest band first.
 */
export const ITA_LEVEL_BANDS: readonly ItaLevelBand[] = [
  { level: 'AA', min: 95 },
  { level: 'A', min: 85, max: 94.99 },
  { level: 'B', min: 75, max: 84.99 },
  { level: 'C', min: 65, max: 74.99 },
  { level: 'D', min: 55, max: 64.99 },
  { level: 'E', min: 50, max: 54.99 },
  { level: 'F', min: 0, max: 49.99 },
];

/** One result of the overall score: a label, the lowest overall score and, where the wording
 * needs it, the lowest score every tool (IIT, EIT, OIT) must reach. */
export interface ResultBand {
  /** Written as is into the level cell: "ผ่านดี", "ระดับ B". */
  readonly label: string;
  /** The same in English, for the pane's English mode. */
  readonly labelEn?: string;
  readonly min: number;
  readonly toolMin?: number;
}

/** How an edition words the overall result, highest band first (the last band catches the rest). */
export interface ResultScheme {
  readonly bands: readonly ResultBand[];
  /** Where the wording comes from. */
  readonly source: string;
}

/** The letter levels AA–F (the older scheme; seed 002, ITA 2562/2563). */
export const RESULT_LETTERS: ResultScheme = {
  bands: ITA_LEVEL_BANDS.map((b) => ({ label: `ระดับ ${b.level}`, labelEn: `level ${b.level}`, min: b.min })),
  source: 'DOMAIN.md (best known); seed 002: 84.09 → ระดับ B, 60.88 → ระดับ D',
};

/**
 * The wording of ITA 2566 onward (best known, DOMAIN.md "Result wording"): ผ่านดีเยี่ยม = overall
 * ≥ 95 and each tool ≥ 95; ผ่านดี = overall ≥ 85 and each tool ≥ 85; ผ่าน = overall ≥ 85 otherwise;
 * ต้องปรับปรุง = 70–84.99; ต้องปรับปรุงโดยด่วน below 70. Seed 000 (93.09, every tool ≥ 85) writes
 * ผ่านดี; seed 003 (90.42) writes ผ่าน.
 */
export const RESULT_WORDS: ResultScheme = {
  bands: [
    { label: 'ผ่านดีเยี่ยม', labelEn: 'excellent pass', min: 95, toolMin: 95 },
    { label: 'ผ่านดี', labelEn: 'good pass', min: 85, toolMin: 85 },
    { label: 'ผ่าน', labelEn: 'pass', min: 85 },
    { label: 'ต้องปรับปรุง', labelEn: 'needs improvement', min: 70 },
    { label: 'ต้องปรับปรุงโดยด่วน', labelEn: 'needs urgent improvement', min: 0 },
  ],
  source: 'DOMAIN.md "Result wording (ITA 2566 onward, best known)"; seed 000: 93.09 → ผ่านดี',
};

/** The result wording per ITA edition (best known, kept as data). */
const ITA_RESULTS_BY_EDITION: Readonly<Record<string, ResultScheme>> = {
  '2562': RESULT_LETTERS,
  '2563': RESULT_LETTERS,
  '2566': RESULT_WORDS,
  '2567': RESULT_WORDS,
  '2568': RESULT_WORDS,
  '2569': RESULT_WORDS,
};

/** An edition's wording: its own, else words from 2566 on and letters before. */
export function resultSchemeOf(edition: string | undefined): ResultScheme {
  if (edition && ITA_RESULTS_BY_EDITION[edition]) return ITA_RESULTS_BY_EDITION[edition];
  return edition !== undefined && Number(edition) < 2566 ? RESULT_LETTERS : RESULT_WORDS;
}

/**
 * How the overall score relates to the indicator scores: derived from the seeds, best known (no
 * official file says it). overall = 0.3·IIT + 0.3·EIT + 0.4·OIT, where each tool's score is the mean
 * of its indicators (IIT 1–5, EIT 6–8, OIT 9–10) rounded to two decimals; i.e. each IIT indicator
 * weighs 6 %, each EIT indicator 10 %, each OIT indicator 20 %. It reproduces 84.09 (seed 002, 2562),
 * 60.89 (seed 002's report and table for 2563; the NACC figure it quotes, 60.88, is the same sum
 * without rounding the tool means) and 93.09 (seed 000, 2567, whose stated tool scores IIT 97.62 and
 * OIT 89.65 are those rounded means). A plain mean of the ten indicators gives 83.82, 72.33 and 94.68.
 */
export const ITA_TOOL_WEIGHTS: Readonly<Record<ItaTool, number>> = { IIT: 0.3, EIT: 0.3, OIT: 0.4 };
