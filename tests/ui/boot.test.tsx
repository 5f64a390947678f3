/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor } from '@testing-library/react';
import { bootTaskPane } from '../../src/taskpane/index';
import { createDemoWorkbook } from '../../src/preview/demoData';

/** Office.js's globals as a host would define them (the typings declare them always present). */
const setGlobal = (name: 'Office' | 'Excel', value: unknown) => Reflect.set(globalThis, name, value);

async function boot(opts: Omit<Parameters<typeof bootTaskPane>[0], 'container'> = {}) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  await act(() => bootTaskPane({ container, ...opts }));
  return container;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Office');
  Reflect.deleteProperty(globalThis, 'Excel');
  document.body.innerHTML = '';
});

describe('starting the task pane', () => {
  it('without Office (the preview) uses the workbook the page passes in', async () => {
    expect(Reflect.get(globalThis, 'Office')).toBeUndefined();
    await boot({ browserWorkbook: { gateway: createDemoWorkbook() } });
    expect(await screen.findByTestId('recognised-template')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'แบบฟอร์ม' })).toBeTruthy();
  });

  it('outside Excel with no workbook, says so and points to the preview', async () => {
    setGlobal('Office', { onReady: async () => ({ host: null, platform: null }), HostType: { Excel: 'Excel' }, context: {} });
    await boot();
    expect(await screen.findByText('หน้านี้เปิดอยู่นอก Excel')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'เปิดหน้าตัวอย่าง' }).getAttribute('href')).toBe('preview.html');
  });

  it('inside Excel uses Office.js, in Office\'s language, and shows a failing workbook as a message, not a crash', async () => {
    const asked: string[] = [];
    setGlobal('Office', {
      onReady: async () => ({ host: 'Excel', platform: 'PC' }),
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US', requirements: { isSetSupported: (set: string, v: string) => (asked.push(`${set} ${v}`), v === '1.1') } },
    });
    setGlobal('Excel', {
      run: async () => {
        throw new Error('The workbook is busy');
      },
    });
    await boot();
    await waitFor(() => expect(screen.getByText(/The workbook is busy/)).toBeTruthy());
    expect(screen.getByRole('tab', { name: 'Template' })).toBeTruthy();
    expect(asked).toContain('ExcelApi 1.7');
  });
});
