/**
 * The import's map phase, run on each candidate as it streams past: the record → its template
 * row, with only what the later phases (contracts of a project, sorting, de-duplication, labels)
 * need kept beside it. Holding the source records until all were read cost about 2.5 KB a row
 * (every field of every record); a mapped row holds its cells, with repeated texts and dates
 * shared, and never a string that points into the chunk it was read from.
 */
import type { CellValue } from '../grid';
import type { TemplateDef } from '../templates/types';
import type { Candidate, SkippedList } from './collectCandidates';
import type { SourceOrigin } from './sourceRecord';
import { detached, textOf } from './sourceRecord';
import { contractAgreedPrice, toTemplateRow, type RowContext } from './toTemplateRow';

export interface CandidateRow {
  /** Position in the sources. */
  readonly index: number;
  readonly origin: SourceOrigin;
  /** Sort key: the signing date, else the reported month; undated rows last. */
  readonly at: number;
  /** The source's project number and project name as written (trimmed): keys and labels. */
  readonly projectNumber: string;
  readonly item: string;
  /** เลขที่สัญญา as written (trimmed); undefined when blank. */
  readonly contractNumber: string | undefined;
  /** The contract's own amount as an agreed-price cell, when the source gives one (used when the project has several contracts). */
  readonly contractAgreed: CellValue | undefined;
  /** In the template's column order. */
  readonly values: CellValue[];
}

/** Column types whose values differ on every row: not worth a place in the pool of shared texts. */
const UNIQUE_TYPES = new Set(['taxId', 'projectNumber']);

/**
 * Maps candidates one by one. Unmappable ones go to `skipped` (as the map phase always listed
 * them); the contract numbers of every candidate's project are gathered, mapped or not, since a
 * project with several contracts reports each contract's own amount.
 */
export class CandidateMapper {
  /** The contract numbers of each project number (a project with several contracts is reported per contract). */
  readonly contractsOf = new Map<string, Set<string>>();
  private readonly texts = new Map<string, string>();
  private readonly dates = new Map<number, Date>();
  private readonly pooled: readonly boolean[];

  constructor(
    template: TemplateDef,
    private readonly ctx: RowContext,
    private readonly skipped: SkippedList,
  ) {
    this.pooled = template.columns.map((c) => !UNIQUE_TYPES.has(c.type));
  }

  map(c: Candidate): CandidateRow | undefined {
    const v = c.rec.values;
    const pn = textOf(v.projectNumber);
    const cn = textOf(v.contractNumber);
    if (pn && cn) {
      let set = this.contractsOf.get(pn);
      if (!set) this.contractsOf.set(pn, (set = new Set()));
      if (!set.has(cn)) set.add(detached(cn));
    }
    const mapped = toTemplateRow(c.rec, c.sign, this.ctx, c.agencyName);
    if (!mapped.ok) {
      this.skipped.add(c.index, c.rec, mapped.problem.code, mapped.problem.th, mapped.problem.en);
      return undefined;
    }
    const values = mapped.values;
    for (let i = 0; i < values.length; i++) values[i] = this.kept(values[i], this.pooled[i]);
    const at = (c.sign ?? c.rec.periodDate)?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return {
      index: c.index,
      origin: c.rec.origin,
      at,
      projectNumber: pn === '' ? '' : detached(pn),
      item: this.text(textOf(v.item)),
      contractNumber: cn === '' ? undefined : detached(cn),
      contractAgreed: v.contractAmount === undefined ? undefined : this.kept(contractAgreedPrice(v.contractAmount), false),
      values,
    };
  }

  /** A cell as held: texts detached from their chunk (and shared where they repeat), dates shared. */
  private kept(x: CellValue, pooled: boolean): CellValue {
    if (typeof x === 'string') return pooled ? this.text(x) : detached(x);
    if (x instanceof Date) {
      const t = x.getTime();
      const d = this.dates.get(t);
      if (d) return d;
      this.dates.set(t, x);
    }
    return x;
  }

  private text(s: string): string {
    if (s === '') return s;
    let t = this.texts.get(s);
    if (t === undefined) this.texts.set((t = detached(s)), t);
    return t;
  }
}
