/**
 * The formulas `new` writes so a sheet keeps its derived cells right while the officer types:
 * per seeded row the derived columns (score change, strength, trend), and for a template with an
 * overall row the weighted overall score and its level under the rows.
 */
import { columnLetter } from './grid';
import { derivedFormula, levelFormula, overallFormula, toolFormulas } from './itaScore';
import { resultSchemeOf } from './templates/itaIndicators';
import type { TemplateChoice } from './templates';

interface FormulaCell {
  /** Excel row number. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  readonly formula: string;
}

interface LabelCell {
  readonly row: number;
  readonly col: number;
  readonly value: string;
}

export interface DerivedCells {
  readonly formulas: readonly FormulaCell[];
  readonly labels: readonly LabelCell[];
}

/** Formulas for rows 2..rows+1 under the header (the seeded rows of the template). */
export function planDerivedCells(choice: TemplateChoice, rows: number): DerivedCells {
  const cols = choice.template.columns;
  const at = (key: string) => cols.findIndex((c) => c.key === key);
  const prev = at('previous');
  const cur = at('current');
  const formulas: FormulaCell[] = [];
  const labels: LabelCell[] = [];
  if (cur < 0) return { formulas, labels };
  for (let r = 2; r < rows + 2; r++) {
    cols.forEach((c, i) => {
      if (!c.derived) return;
      const f = derivedFormula(c.derived, prev < 0 ? undefined : `${columnLetter(prev)}${r}`, `${columnLetter(cur)}${r}`);
      if (f) formulas.push({ row: r, col: i, formula: f });
    });
  }
  const overall = choice.template.overallRow;
  if (overall && rows > 0) {
    const row = rows + 2;
    const labelCol = Math.max(0, at(overall.labelField));
    const levelCol = at(overall.levelField);
    labels.push({ row, col: labelCol, value: overall.label });
    for (const c of [prev, cur]) {
      if (c < 0) continue;
      const cells = Array.from({ length: rows }, (_, k) => `${columnLetter(c)}${k + 2}`);
      formulas.push({ row, col: c, formula: overallFormula(cells) });
    }
    // The result in the edition's own words ("ผ่านดี" from 2566, "ระดับ B" before), as the check writes it.
    const scheme = choice.edition.results ?? resultSchemeOf(choice.edition.edition);
    const tools = toolFormulas(Array.from({ length: rows }, (_, k) => `${columnLetter(cur)}${k + 2}`));
    if (levelCol >= 0) formulas.push({ row, col: levelCol, formula: levelFormula(`${columnLetter(cur)}${row}`, scheme, tools) });
  }
  return { formulas, labels };
}
