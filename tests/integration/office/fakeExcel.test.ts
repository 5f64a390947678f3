/**
 * The fake must fail where Office.js fails, or the gateway tests prove nothing. These tests pin
 * the behaviours the gateway depends on: load/sync before read, queued writes, payload limits,
 * requirement sets, typed input, null = unchanged, and event removal through the same context.
 */
import { FakeExcel, FakeOfficeError, type FakeContext } from './fakeExcel';

const run = <T>(fake: FakeExcel, batch: (context: FakeContext) => Promise<T>) => fake.run(batch);

describe('the fake Office.js is faithful', () => {
  it('throws PropertyNotLoaded for a property never loaded, and for one loaded but not yet synced', async () => {
    const fake = new FakeExcel({ sheets: { S: [['a', 1]] } });
    await expect(
      run(fake, async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
        await context.sync();
        return range.values;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });

    await expect(
      run(fake, async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
        range.load('values');
        const early = range.values; // before the sync
        await context.sync();
        return early;
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);

    const values = await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      range.load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([['a', 1]]);
  });

  it('loads only what was asked: a collection item without visibility loaded cannot be read for it', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    await expect(
      run(fake, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        return sheets.items.map((s) => s.visibility);
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  it('queues writes until sync, and complains about a batch that never synced', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
        expect(fake.sheet('S').value(1, 1)).toBe('');
      }),
    ).rejects.toThrow(/never synced/);
    expect(fake.sheet('S').value(1, 1)).toBe('');
  });

  it('reads a written string as typed unless it starts with an apostrophe; null leaves a cell alone', async () => {
    const fake = new FakeExcel({ sheets: { S: [[null, null, null, 'keep']] } });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:D1').values = [['0105543008219', "'0105543008219", '=1+1', null]];
      await context.sync();
    });
    const s = fake.sheet('S');
    expect(s.value(1, 1)).toBe(105543008219);
    expect(s.value(1, 2)).toBe('0105543008219');
    expect(s.get(0, 2)?.f).toBe('=1+1');
    expect(s.value(1, 4)).toBe('keep');
  });

  it('rejects a request or a response over 5 MB, like Excel on the web', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    const text = 'ข้อความภาษาไทยยาวๆ สำหรับทดสอบขนาดของคำขอ '.repeat(4);
    const big = Array.from({ length: 20_000 }, () => [text]);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange(`A1:A${big.length}`).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.sheet('S').value(1, 1)).toBe('');

    // Written in quarters (each request under the limit), the sheet cannot be read back at once.
    for (let q = 0; q < 4; q++) {
      await run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange(`A${q * 5000 + 1}:A${(q + 1) * 5000}`).values = big.slice(0, 5000);
        await context.sync();
      });
    }
    expect(Math.max(...fake.syncs.slice(-4).map((x) => x.requestBytes))).toBeLessThan(5 * 1024 * 1024);
    await expect(
      run(fake, async (context) => {
        const r = context.workbook.worksheets.getItem('S').getRange(`A1:A${big.length}`);
        r.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('fails an API from a newer requirement set with ApiNotFound', async () => {
    const fake = new FakeExcel({ api: '1.7', sheets: { S: [] } });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRanges('A1,B2').format.fill.color = '#FF0000';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const old = new FakeExcel({ api: '1.1', sheets: { S: [] } });
    await expect(
      run(old, async (context) => {
        context.workbook.worksheets.getItem('S').freezePanes.freezeRows(1);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(old.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(old.isSetSupported('ExcelApi', '1.2')).toBe(false);
  });

  it('makes objects of a failed batch unusable, and reports a missing sheet as ItemNotFound', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    await expect(
      run(fake, async (context) => {
        const r = context.workbook.worksheets.getItem('Nope').getRange('A1');
        await context.sync().catch(() => undefined);
        r.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('answers isNullObject only after a sync', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    const seen = await run(fake, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject('missing');
      expect(() => ws.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      return ws.isNullObject;
    });
    expect(seen).toBe(true);
  });

  it('removes an event handler only through the context it was added with', async () => {
    const fake = new FakeExcel({ sheets: { S: [] } });
    let calls = 0;
    const added = await run(fake, async (context) => {
      const result = context.workbook.worksheets.getItem('S').onChanged.add(async () => {
        calls++;
      });
      await context.sync();
      return result;
    });
    fake.userEdit('S', 1, 1, 'x');
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    // Syncing another context does not remove it.
    added.remove();
    await run(fake, async (context) => {
      await context.sync();
    });
    expect(fake.sheet('S').handlers).toHaveLength(1);
    await fake.run(added.context, async (context) => {
      await context.sync();
    });
    expect(fake.sheet('S').handlers).toHaveLength(0);
  });
});
