/** @jest-environment jsdom */
/**
 * Parts of the pane fetched from the add-in's server when needed (English strings, the check
 * engine, pages): when the server is out of reach the officer is told, in the pane's language,
 * and the pane keeps working in what it has.
 */
import './setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDemoWorkbook } from '../../src/preview/demoData';
import { errorText } from '../../src/taskpane/errors';
import { renderPane } from './render';

/** What webpack raises when a chunk's script cannot be fetched. */
function chunkLoadError(chunk: string): Error {
  const e = new Error(`Loading chunk ${chunk} failed.\n(error: https://localhost:3000/${chunk}.js)`);
  e.name = 'ChunkLoadError';
  return e;
}

describe('parts of the pane fetched on demand', () => {
  afterEach(() => {
    jest.dontMock('../../src/taskpane/i18nEn');
  });

  it('stays in Thai and says why when the English strings cannot be fetched, then switches once they can', async () => {
    let reachable = false;
    jest.doMock('../../src/taskpane/i18nEn', () => {
      if (!reachable) throw chunkLoadError('strings-en');
      return jest.requireActual('../../src/taskpane/i18nEn');
    });
    renderPane(createDemoWorkbook(), 'check');
    await screen.findByText('ยังไม่พร้อม');
    await userEvent.click(screen.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }));
    expect(await screen.findByText(/โหลดภาษาอังกฤษไม่สำเร็จ/)).toBeTruthy();
    expect(screen.getByText('ยังไม่พร้อม')).toBeTruthy();

    // Connected again: the same button switches.
    reachable = true;
    await userEvent.click(screen.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }));
    expect(await screen.findByText('Not ready')).toBeTruthy();
    expect(screen.queryByText(/โหลดภาษาอังกฤษไม่สำเร็จ/)).toBeNull();
  });

  it('names a part that could not be fetched as the server being out of reach, not as a bug', () => {
    expect(errorText(chunkLoadError('check'), 'th')).toBe(
      'โหลดส่วนประกอบของ add-in ไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้): กด "อ่านแผ่นงานอีกครั้ง" เมื่อเชื่อมต่อได้',
    );
    expect(errorText(new Error('boom'), 'th')).toContain('boom');
  });
});
