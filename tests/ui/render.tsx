/** Renders the real task pane (Fluent provider and all) over a gateway, as index.tsx does. */
import { FluentProvider } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { TaskPane, type TabId } from '../../src/taskpane/App';
import { paneTheme } from '../../src/taskpane/theme';
import type { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

export function renderPane(wb: MemoryWorkbook, initialTab: TabId) {
  return render(
    <FluentProvider theme={paneTheme}>
      <TaskPane
        gateway={wb}
        initialTab={initialTab}
        watch={(l) => {
          const off = wb.subscribe(l);
          return () => {
            off();
          };
        }}
      />
    </FluentProvider>,
  );
}
