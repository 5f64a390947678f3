/**
 * What an ITA score analysis derives from the indicator scores: per indicator the change, strength
 * or weakness and trend; for the whole the overall score, its level, the strengths, weaknesses and
 * indicators that fell. The numbers follow the seeds (itaIndicators.ts): the overall is
 * 0.3·IIT + 0.3·EIT + 0.4·OIT over the tools' means rounded to two decimals, which reproduces
 * 84.09 and 60.89 (seed 002's table) and 93.09 (seed 000).
 */
import type { DerivedKind } from './templates/types';
import {
  ITA_STRENGTH_MIN,
  ITA_TOOL_OF_INDICATOR,
  ITA_TOOL_WEIGHTS,
  ITA_INDICATOR_WORDINGS,
  resultSchemeOf,
  type ItaTool,
  type ResultBand,
  type ResultScheme,
} from './templates/itaIndicators';
import { ITA_WORDS } from './templates/measures';
import { toArabicDigits } from './values/thaiDigits';

export interface IndicatorScore {
  readonly no: number;
  readonly previous?: number;
  readonly current?: number;
}

export interface ScoreAnalysis {
  /** Overall score of this year and last (undefined when an indicator's score is missing). */
  readonly overall?: number;
  readonly previousOverall?: number;
  /** The result as the edition words it: "ผ่านดี" (2566 on), "ระดับ B" (older). */
  readonly level?: string;
  readonly previousLevel?: string;
  readonly toolScores: Partial<Record<ItaTool, number>>;
  readonly previousToolScores: Partial<Record<ItaTool, number>>;
  readonly strengths: readonly number[];
  readonly weaknesses: readonly number[];
  readonly fell: readonly number[];
}

export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/**
 * The result of an overall score in an edition's wording: the first band whose overall minimum the
 * score reaches and, where the band asks it, every tool's score too (a missing tool score fails a
 * tool condition).
 */
export function resultOf(score: number, scheme: ResultScheme, tools: Partial<Record<ItaTool, number>> = {}): string {
  return resultBandOf(score, scheme, tools).label;
}

/** The band itself (its Thai label, and its English one where the scheme has it). */
export function resultBandOf(score: number, scheme: ResultScheme, tools: Partial<Record<ItaTool, number>> = {}): ResultBand {
  // Bands are stated to two decimals (84.99 is below 85): compare the score as published.
  const s = round2(score);
  for (const b of scheme.bands) {
    if (s < b.min) continue;
    if (b.toolMin !== undefined && !(['IIT', 'EIT', 'OIT'] as const).every((t) => (tools[t] ?? -1) >= b.toolMin!)) continue;
    return b;
  }
  return scheme.bands[scheme.bands.length - 1];
}

function overallOf(scores: ReadonlyMap<number, number>): { overall?: number; tools: Partial<Record<ItaTool, number>> } {
  const sums: Record<ItaTool, number[]> = { IIT: [], EIT: [], OIT: [] };
  for (let no = 1; no <= 10; no++) {
    const s = scores.get(no);
    if (s !== undefined) sums[ITA_TOOL_OF_INDICATOR[no]].push(s);
  }
  const tools: Partial<Record<ItaTool, number>> = {};
  for (const t of ['IIT', 'EIT', 'OIT'] as const) {
    if (sums[t].length) tools[t] = round2(sums[t].reduce((a, b) => a + b, 0) / sums[t].length);
  }
  if (scores.size < 10 || [...Array(10).keys()].some((i) => !scores.has(i + 1))) return { tools };
  const overall = round2((tools.IIT ?? 0) * ITA_TOOL_WEIGHTS.IIT + (tools.EIT ?? 0) * ITA_TOOL_WEIGHTS.EIT + (tools.OIT ?? 0) * ITA_TOOL_WEIGHTS.OIT);
  return { overall, tools };
}

export function analyseScores(rows: readonly IndicatorScore[], scheme: ResultScheme | string | undefined = undefined): ScoreAnalysis {
  const results = typeof scheme === 'object' ? scheme : resultSchemeOf(scheme);
  const cur = new Map<number, number>();
  const prev = new Map<number, number>();
  for (const r of rows) {
    if (r.current !== undefined) cur.set(r.no, r.current);
    if (r.previous !== undefined) prev.set(r.no, r.previous);
  }
  const now = overallOf(cur);
  const before = overallOf(prev);
  const strengths: number[] = [];
  const weaknesses: number[] = [];
  const fell: number[] = [];
  for (const r of [...rows].sort((a, b) => a.no - b.no)) {
    if (r.current === undefined) continue;
    (r.current >= ITA_STRENGTH_MIN ? strengths : weaknesses).push(r.no);
    if (r.previous !== undefined && r.current < r.previous) fell.push(r.no);
  }
  return {
    overall: now.overall,
    previousOverall: before.overall,
    level: now.overall === undefined ? undefined : resultOf(now.overall, results, now.tools),
    previousLevel: before.overall === undefined ? undefined : resultOf(before.overall, results, before.tools),
    toolScores: now.tools,
    previousToolScores: before.tools,
    strengths,
    weaknesses,
    fell,
  };
}

/** The derived cell of one row, or undefined when its inputs are missing. */
export function deriveValue(kind: DerivedKind, previous: number | undefined, current: number | undefined): string | number | undefined {
  if (current === undefined) return undefined;
  switch (kind) {
    case 'strength':
      return current >= ITA_STRENGTH_MIN ? ITA_WORDS.strength : ITA_WORDS.weakness;
    case 'scoreChange':
      return previous === undefined ? undefined : round2(current - previous);
    case 'trend':
      if (previous === undefined) return undefined;
      return current > previous ? ITA_WORDS.rose : current < previous ? ITA_WORDS.fell : ITA_WORDS.same;
  }
}

/**
 * The same derivation as an Excel formula over the row's previous/current cells (`new` writes it,
 * so the sheet stays right as the officer types).
 */
export function derivedFormula(kind: DerivedKind, previous: string | undefined, current: string): string | undefined {
  switch (kind) {
    case 'strength':
      return `IF(${current}="","",IF(${current}>=${ITA_STRENGTH_MIN},"${ITA_WORDS.strength}","${ITA_WORDS.weakness}"))`;
    case 'scoreChange':
      return previous ? `IF(OR(${current}="",${previous}=""),"",ROUND(${current}-${previous},2))` : undefined;
    case 'trend':
      return previous
        ? `IF(OR(${current}="",${previous}=""),"",IF(${current}>${previous},"${ITA_WORDS.rose}",IF(${current}<${previous},"${ITA_WORDS.fell}","${ITA_WORDS.same}")))`
        : undefined;
  }
}

/**
 * An Excel formula writing the result of the score in `cell` in the scheme's words (the same words
 * resultOf gives); `tools` are the three tool scores' expressions (IIT, EIT, OIT), for the bands
 * that set a minimum per tool.
 */
export function levelFormula(cell: string, scheme: ResultScheme, tools: readonly string[] = []): string {
  const q = (label: string) => `"${label.replace(/"/g, '""')}"`;
  const bands = scheme.bands;
  let f = q(bands[bands.length - 1].label);
  for (let i = bands.length - 2; i >= 0; i--) {
    const b = bands[i];
    const overall = `ROUND(${cell},2)>=${b.min}`;
    const cond = b.toolMin !== undefined && tools.length ? `AND(${overall},MIN(${tools.join(',')})>=${b.toolMin})` : overall;
    f = `IF(${cond},${q(b.label)},${f})`;
  }
  return `IF(${cell}="","",${f})`;
}

/** The three tool scores (IIT 1–5, EIT 6–8, OIT 9–10) as formulas over the ten indicator cells. */
export function toolFormulas(cells: readonly string[]): string[] {
  const mean = (from: number, to: number) => `ROUND(AVERAGE(${cells.slice(from, to).join(',')}),2)`;
  return [mean(0, 5), mean(5, 8), mean(8, 10)];
}

/** The overall score as an Excel formula over the ten current-score cells (indicator order 1..10). */
export function overallFormula(cells: readonly string[]): string {
  const mean = (from: number, to: number) => `ROUND(AVERAGE(${cells.slice(from, to).join(',')}),2)`;
  const blanks = `COUNT(${cells.join(',')})<10`;
  return `IF(${blanks},"",ROUND(${ITA_TOOL_WEIGHTS.IIT}*${mean(0, 5)}+${ITA_TOOL_WEIGHTS.EIT}*${mean(5, 8)}+${ITA_TOOL_WEIGHTS.OIT}*${mean(8, 10)},2))`;
}

const INDICATOR_NO = /ตัวชี้วัด(?:ที่)?\s*([0-9]{1,2})(?![0-9.])/;
const TOOL_IN_TEXT = /\b(IIT|EIT|OIT)\b/i;

/** The indicator a row is about: its number column, "ตัวชี้วัดที่ ๓" in the text, or its wording. */
export function indicatorOf(no: number | undefined, text: string | undefined): number | undefined {
  if (no !== undefined && no >= 1 && no <= 10) return no;
  if (!text) return undefined;
  const t = toArabicDigits(text);
  const m = INDICATOR_NO.exec(t);
  if (m) return Number(m[1]);
  const bare = t.replace(/\s+/g, '');
  for (const [n, words] of Object.entries(ITA_INDICATOR_WORDINGS)) {
    if (words.some((w) => bare.includes(w.replace(/\s+/g, '')))) return Number(n);
  }
  return undefined;
}

/** "การปฏิบัติหน้าที่ (IIT)": the tool written beside the name. */
export function toolInText(text: string | undefined): ItaTool | undefined {
  const m = text ? TOOL_IN_TEXT.exec(text) : null;
  return m ? (m[1].toUpperCase() as ItaTool) : undefined;
}

const OVERALL = /^\s*(คะแนน\s*)?(เฉลี่ย\s*)?(รวม|ภาพรวม)|^\s*ผลคะแนนรวม|^\s*overall/i;

/** A row under the indicators that states the overall score ("คะแนนเฉลี่ยรวม", "คะแนนรวม"). */
export function isOverallLabel(text: string): boolean {
  return OVERALL.test(text);
}
