/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor } from '@testing-library/react';
import { bootTaskPane } from '../../src/taskpane/index';
import { OFFICE_JS_FAILED, resolveHost } from '../../src/taskpane/host';
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
  Reflect.deleteProperty(globalThis, OFFICE_JS_FAILED);
  window.history.replaceState({}, '', '/');
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

  it('inside Excel with Office.js not loaded (offline, proxy), says so in Office\'s language, not "outside Excel"', async () => {
    // Office opens the pane with its host info in the query; office.js's tag noted its failed load.
    window.history.replaceState({}, '', '/taskpane.html?_host_Info=Excel$Win32$16.01$th-TH$$$$0');
    Reflect.set(globalThis, OFFICE_JS_FAILED, true);
    await boot();
    expect(await screen.findByText('โหลด Office.js ไม่ได้ จึงยังทำงานกับสมุดงานนี้ไม่ได้')).toBeTruthy();
    expect(screen.getByText(/appsforoffice\.microsoft\.com/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'โหลดหน้าต่างนี้ใหม่' })).toBeTruthy();
    expect(screen.queryByText('หน้านี้เปิดอยู่นอก Excel')).toBeNull();
  });

  it('in English Office, the same message in English', async () => {
    window.history.replaceState({}, '', '/taskpane.html?_host_Info=Excel|Web|16.00|en-US|0');
    await boot();
    expect(await screen.findByText('Office.js could not be loaded, so the add-in cannot work with this workbook yet')).toBeTruthy();
  });

  it('shows a loading screen while Office.js starts, and a diagnosis when it never does', async () => {
    setGlobal('Office', { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' }, context: {} });
    void bootTaskPane({ container: document.body.appendChild(document.createElement('div')) });
    expect(await screen.findByText('กำลังเชื่อมต่อกับ Excel (โหลด Office.js)…')).toBeTruthy();
    window.history.replaceState({}, '', '/taskpane.html?_host_Info=Excel$Win32$16.01$th-TH$$$$0');
    expect(await resolveHost(30)).toEqual({ kind: 'officeFailed', displayLanguage: 'th-TH' });
  });
});
