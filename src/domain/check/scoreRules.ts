/**
 * The ITA score analysis: every indicator 1-10 once, with the tool it belongs to; the derived
 * cells (change, strength/weakness, trend) agree with the scores; a stated overall score agrees
 * with the indicators. What it derives (overall, level, strengths, weaknesses, fell) is reported
 * as figures.
 */
import { ITA_INDICATORS, ITA_TOOL_OF_INDICATOR, type ItaTool } from '../templates/itaIndicators';
import { ITA_WORDS } from '../templates/measures';
import { analyseScores, deriveValue, indicatorOf, isOverallLabel, resultBandOf, round2, toolInText, type IndicatorScore } from '../itaScore';
import { resultSchemeOf } from '../templates/itaIndicators';
import { cellIssue, get, sheetIssue, sourceOf, type CheckedRecord, type RuleContext } from './context';
import { isEmptyCell } from './records';
import type { SheetRule } from './rules';
import type { Issue } from './types';

/** Published scores have two decimals; a stated total may differ from ours by that rounding. */
const OVERALL_TOLERANCE = 0.011;

function fmt(n: number): string {
  return n.toFixed(2);
}

function indicatorName(ctx: RuleContext, no: number): string {
  const list = ITA_INDICATORS[ctx.rec.edition.edition] ?? ITA_INDICATORS['2567'];
  return list.find((i) => i.no === no)?.name ?? '';
}

function checkDerived(r: CheckedRecord, ctx: RuleContext, out: Issue[]): void {
  const previous = get<number>(ctx, r, 'previous');
  const current = get<number>(ctx, r, 'current');
  for (const col of ctx.rec.template.columns) {
    if (!col.derived || !ctx.rec.indexOf.has(col.key)) continue;
    const expected = deriveValue(col.derived, previous, current);
    if (expected === undefined) continue;
    const cell = sourceOf(ctx, r, col.key);
    if (isEmptyCell(cell) && ctx.isFormula(r, col.key)) continue; // Excel computes it on opening
    const display = typeof expected === 'number' ? fmt(expected) : expected;
    const fix = { value: expected, display, ...(col.numFmt && typeof expected === 'number' ? { numFmt: col.numFmt } : {}) };
    if (isEmptyCell(cell)) {
      out.push(cellIssue(ctx, r, col.key, 'warning', 'derived-missing',
        `ยังไม่ได้กรอก "${col.header}" (จากคะแนน: ${display})`, `"${col.header}" is empty (from the scores: ${display})`, fix));
      continue;
    }
    const actual = get<string | number>(ctx, r, col.key);
    const same = typeof expected === 'number'
      ? typeof actual === 'number' && Math.abs(actual - expected) < 0.006
      : typeof actual === 'string' && actual.replace(/\s+/g, '') === expected;
    if (!same) {
      out.push(cellIssue(ctx, r, col.key, 'error', 'derived-wrong',
        `"${col.header}" ไม่ตรงกับคะแนน: เขียนว่า ${String(cell)} แต่คะแนนให้ ${display}`,
        `"${col.header}" disagrees with the scores: ${String(cell)}, expected ${display}`, fix));
    }
  }
}

const itaScores: SheetRule = (records, ctx, out) => {
  const scores: IndicatorScore[] = [];
  const seen = new Map<number, CheckedRecord>();
  const overallRows: CheckedRecord[] = [];
  for (const r of records) {
    const text = get<string>(ctx, r, 'indicator');
    if (text !== undefined && isOverallLabel(text)) {
      overallRows.push(r);
      continue;
    }
    const no = indicatorOf(get<number>(ctx, r, 'no'), text);
    if (no === undefined || no < 1 || no > 10) {
      out.push(cellIssue(ctx, r, 'indicator', 'error', 'indicator-unknown',
        `อ่านไม่ได้ว่าแถวนี้เป็นตัวชี้วัดที่เท่าไร (ให้ระบุเลข ๑–๑๐ ในคอลัมน์ "ตัวชี้วัดที่")`,
        'Cannot tell which indicator (1-10) this row is'));
      continue;
    }
    const first = seen.get(no);
    if (first) {
      out.push(cellIssue(ctx, r, 'indicator', 'error', 'indicator-duplicate',
        `ตัวชี้วัดที่ ${no} ซ้ำกับแถว ${first.row}`, `Indicator ${no} repeats row ${first.row}`));
      continue;
    }
    seen.set(no, r);
    const expectedTool = ITA_TOOL_OF_INDICATOR[no];
    const toolCell = get<string>(ctx, r, 'tool');
    const tool = (toolCell as ItaTool | undefined) ?? toolInText(text);
    if (tool && tool !== expectedTool) {
      out.push(cellIssue(ctx, r, toolCell ? 'tool' : 'indicator', 'error', 'tool-mismatch',
        `ตัวชี้วัดที่ ${no} วัดด้วย ${expectedTool} ไม่ใช่ ${tool}`, `Indicator ${no} is measured by ${expectedTool}, not ${tool}`,
        toolCell ? { value: expectedTool, display: expectedTool } : undefined));
    }
    checkDerived(r, ctx, out);
    scores.push({ no, previous: get<number>(ctx, r, 'previous'), current: get<number>(ctx, r, 'current') });
  }
  for (let no = 1; no <= 10; no++) {
    if (seen.has(no)) continue;
    out.push(sheetIssue('error', 'indicator-missing',
      `ไม่มีตัวชี้วัดที่ ${no} ${indicatorName(ctx, no)}`, `Indicator ${no} (${indicatorName(ctx, no)}) is missing`, 'indicator'));
  }

  const scheme = ctx.rec.edition.results ?? resultSchemeOf(ctx.rec.edition.edition);
  const a = analyseScores(scores, scheme);
  // A stated overall ("คะแนนเฉลี่ยรวม") is the published figure: keep it, but it must agree.
  let statedCurrent: number | undefined;
  let statedPrevious: number | undefined;
  for (const r of overallRows) {
    for (const [key, computed] of [['current', a.overall], ['previous', a.previousOverall]] as const) {
      const stated = get<number>(ctx, r, key);
      if (stated === undefined) continue;
      if (key === 'current') statedCurrent = stated;
      else statedPrevious = stated;
      if (computed === undefined || Math.abs(stated - computed) <= OVERALL_TOLERANCE) continue;
      out.push(cellIssue(ctx, r, key, 'error', 'overall-mismatch',
        `คะแนนรวม ${fmt(stated)} ไม่ตรงกับคะแนนรายตัวชี้วัด (IIT 30% EIT 30% OIT 40% ได้ ${fmt(computed)})`,
        `Overall ${fmt(stated)} disagrees with the indicators (weighted: ${fmt(computed)})`));
    }
  }

  if (overallRows.length === 0 && a.overall !== undefined) overallRowFixes(records, ctx, a.overall, a.previousOverall, a.level ?? '', out);
  const overall = statedCurrent ?? a.overall;
  const previous = statedPrevious ?? a.previousOverall;
  const list = (nos: readonly number[]) => (nos.length ? nos.map((n) => `${n} ${indicatorName(ctx, n)}`).join(', ') : '-');
  if (overall !== undefined) {
    const band = resultBandOf(overall, scheme, a.toolScores);
    ctx.figures.push({ key: 'overall', label: ITA_WORDS.overall, labelEn: 'Overall score', value: `${fmt(round2(overall))} (${band.label})`, valueEn: `${fmt(round2(overall))} (${band.labelEn ?? band.label})` });
  }
  if (previous !== undefined) {
    const band = resultBandOf(previous, scheme, a.previousToolScores);
    ctx.figures.push({ key: 'previousOverall', label: 'คะแนนรวมปีที่แล้ว', labelEn: 'Last year', value: `${fmt(round2(previous))} (${band.label})`, valueEn: `${fmt(round2(previous))} (${band.labelEn ?? band.label})` });
  }
  const tools = (['IIT', 'EIT', 'OIT'] as const).filter((t) => a.toolScores[t] !== undefined).map((t) => `${t} ${fmt(a.toolScores[t] ?? 0)}`);
  if (tools.length) ctx.figures.push({ key: 'tools', label: 'รายเครื่องมือ', labelEn: 'By tool', value: tools.join(', ') });
  if (scores.length) {
    ctx.figures.push({ key: 'strengths', label: 'จุดแข็ง (≥ 85)', labelEn: 'Strengths (≥ 85)', value: list(a.strengths) });
    ctx.figures.push({ key: 'weaknesses', label: 'จุดอ่อน (< 85)', labelEn: 'Weaknesses (< 85)', value: list(a.weaknesses) });
  }
  if (previous !== undefined) ctx.figures.push({ key: 'fell', label: 'ตัวชี้วัดที่คะแนนลดลง', labelEn: 'Indicators that fell', value: list(a.fell) });
};

/**
 * No overall row yet: offer to write one under the indicators (label, scores and level), each a
 * fix of an empty cell, so the Fix page writes it after the officer confirms.
 */
function overallRowFixes(records: readonly CheckedRecord[], ctx: RuleContext, overall: number, previous: number | undefined, level: string, out: Issue[]): void {
  const label = ctx.rec.template.overallRow;
  const last = records.reduce((m, r) => Math.max(m, r.row), 0);
  const row = last + 1;
  const keys = [label?.labelField ?? 'indicator', 'current', 'previous', label?.levelField ?? 'assessment'];
  // Only into an empty row: a note or signature under the table stays as it is.
  if (keys.some((k) => !isEmptyCell(ctx.cellAt(row, k) ?? null))) return;
  const values: [string, string | number | undefined][] = [
    [keys[0], label?.label ?? ITA_WORDS.overall],
    ['current', overall],
    ['previous', previous],
    [keys[3], level],
  ];
  const at: CheckedRecord = { row, source: [], values: [] };
  for (const [key, value] of values) {
    if (value === undefined || !ctx.rec.indexOf.has(key)) continue;
    const col = ctx.rec.template.columns[ctx.pos(key)];
    const display = typeof value === 'number' ? fmt(value) : value;
    out.push(cellIssue(ctx, at, key, 'warning', 'overall-row-missing',
      `ยังไม่มีแถวคะแนนรวม: คะแนนรวม ${fmt(overall)} ${level} (เขียนได้ด้วยการแก้ไขอัตโนมัติ)`,
      `No overall row yet: overall ${fmt(overall)}, ${level}`,
      { value, display, ...(typeof value === 'number' && col.numFmt ? { numFmt: col.numFmt } : {}) }));
  }
}

export const SCORE_SHEET_RULES: Readonly<Record<string, SheetRule>> = {
  'ita-scores': itaScores,
};
