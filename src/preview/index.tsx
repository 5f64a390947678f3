/**
 * Entry of preview.html: the demo workbook in a visible grid on the left, and the real task pane
 * on the right working on the same in-memory workbook. No office.js here: `Office` is undefined,
 * which the pane treats as "no Excel" and takes the workbook passed in.
 */
import { createRoot } from 'react-dom/client';
import { bootTaskPane } from '../taskpane/index';
import { createDemoWorkbook } from './demoData';
import { Grid } from './Grid';

const wb = createDemoWorkbook();
// Tests and curious developers can reach the workbook from the console.
(window as Window & { itaPreview?: { workbook: typeof wb } }).itaPreview = { workbook: wb };

const gridEl = document.getElementById('grid');
const paneEl = document.getElementById('pane');
if (gridEl) createRoot(gridEl).render(<Grid wb={wb} />);
if (paneEl) {
  void bootTaskPane({
    container: paneEl,
    browserWorkbook: {
      gateway: wb,
      watch: (listener) => {
        const off = wb.subscribe(listener);
        return () => {
          off();
        };
      },
    },
  });
}
