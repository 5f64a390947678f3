/**
 * The import's plan for the current choices, made again whenever they (or the sheet) change. The
 * last plan stays on screen while the next is made, so the preview does not flicker; only the
 * newest plan may land (an older, slower one must not overwrite it).
 */
import { useEffect, useRef, useState } from 'react';
import { planImport, type ImportPlan, type ImportRequest } from '../app/importRows';
import type { WorkbookGateway } from '../workbook/gateway';

export interface PlanState {
  readonly plan?: ImportPlan;
  readonly error: unknown;
  readonly planning: boolean;
}

export function useImportPlan(gateway: WorkbookGateway, request: ImportRequest | undefined): PlanState {
  const [state, setState] = useState<PlanState>({ error: null, planning: false });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!request) {
      setState({ error: null, planning: false });
      return;
    }
    setState((s) => ({ ...s, error: null, planning: true }));
    planImport(gateway, request).then(
      (plan) => mine === seq.current && setState({ plan, error: null, planning: false }),
      (error: unknown) => mine === seq.current && setState({ error, planning: false }),
    );
  }, [gateway, request]);
  return state;
}
