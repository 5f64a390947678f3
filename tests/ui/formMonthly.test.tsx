/** @jest-environment jsdom */
/**
 * The record form on an ITA 2569 O11 sheet (monthly สขร.1): a new record goes into the table of the
 * month its contract was signed, said before saving; a full month gets a row inserted (said after);
 * a record the tables already list is refused with where it is; a title row is not editable.
 */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { o11Workbook as workbook, O11_SHEET as SHEET, OCTOBER_TYPED } from '../fixtures/o11Sheet';
import { renderPane } from './render';

const AS_THE_OFFICER_WAITS = { timeout: 30_000 };


const box = (label: RegExp) => screen.getByRole('textbox', { name: label });

async function typeRecord(item: string, contract: string, budget = '๑,๒๐๐ บาท'): Promise<void> {
  await userEvent.type(await screen.findByRole('textbox', { name: /งานที่จัดซื้อหรือจัดจ้าง/ }), item);
  await userEvent.type(box(/วงเงินที่จะซื้อหรือจ้าง/), budget);
  await userEvent.type(box(/ราคากลาง/), '1,200');
  await userEvent.type(screen.getByRole('combobox', { name: /วิธีซื้อหรือจ้าง/ }), 'เฉพาะเจาะจง');
  await userEvent.type(box(/รายชื่อผู้เสนอราคาและราคาที่เสนอ/), 'ร้านสีคิ้วเครื่องเขียน ราคา ๑,๑๕๐ บาท');
  await userEvent.type(box(/ผู้ได้รับการคัดเลือกและราคาที่ตกลง/), 'ร้านสีคิ้วเครื่องเขียน ราคา ๑,๑๕๐ บาท');
  await userEvent.type(box(/เหตุผลที่คัดเลือก/), 'เสนอราคาต่ำสุด');
  await userEvent.type(box(/เลขที่และวันที่ของสัญญา/), contract);
}

describe('record form on a monthly สขร.1 sheet (ITA 2569 O11)', () => {
  it("adds a record into its contract month's table, inserting a row where the month is full, and says so", async () => {
    const wb = await workbook();
    renderPane(wb, 'form');
    expect((await screen.findByTestId('form-month', {}, AS_THE_OFFICER_WAITS)).textContent).toBe(
      'ระบุวันที่ของสัญญาในช่อง "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง" (เช่น สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569) แล้วรายการจะลงตารางของเดือนนั้น',
    );
    await typeRecord('จัดซื้อกระดาษถ่ายเอกสาร กองคลัง', 'ใบสั่งซื้อเลขที่ ๖/๒๕๖๙ ลงวันที่ ๒๐ ต.ค. ๒๕๖๘');
    await waitFor(() => expect(screen.getByTestId('form-month').textContent).toBe('จะบันทึกลงตารางเดือน ตุลาคม 2568 (เดือนที่ลงนามสัญญา)'));
    await userEvent.click(screen.getByRole('button', { name: 'เพิ่มรายการ' }));
    expect(await screen.findByText(/บันทึกลงตารางเดือน ตุลาคม 2568 แผ่นงาน "O11 สขร\.1 รายเดือน" แถวที่ 8 แล้ว/, {}, AS_THE_OFFICER_WAITS)).toBeTruthy();
    expect(screen.getByText(/ตารางเดือนนี้ไม่มีแถวว่าง จึงแทรกแถวใหม่: สิ่งที่เคยอยู่แถวนี้และด้านล่างเลื่อนลง 1 แถว เริ่มที่แถว 9/)).toBeTruthy();
    const rows = wb.sheet(SHEET).rows;
    for (let k = 0; k < 5; k++) expect(rows[2 + k].slice(0, 8)).toEqual(OCTOBER_TYPED[k]);
    expect(rows[7].slice(0, 8)).toEqual([
      'จัดซื้อกระดาษถ่ายเอกสาร กองคลัง', 1200, 1200, 'วิธีเฉพาะเจาะจง', 'ร้านสีคิ้วเครื่องเขียน ราคา ๑,๑๕๐ บาท',
      'ร้านสีคิ้วเครื่องเขียน ราคา ๑,๑๕๐ บาท', 'เสนอราคาต่ำสุด', 'ใบสั่งซื้อเลขที่ ๖/๒๕๖๙ ลงวันที่ ๒๐ ต.ค. ๒๕๖๘',
    ]);
    expect(rows[8][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');

    // A January contract: January's first free row, November and December untouched.
    await typeRecord('จ้างซ่อมเครื่องปรับอากาศ สำนักปลัด', 'สัญญาจ้างเลขที่ ๓/๒๕๖๙ ลงวันที่ ๕ ม.ค. ๒๕๖๙');
    await waitFor(() => expect(screen.getByTestId('form-month').textContent).toBe('จะบันทึกลงตารางเดือน มกราคม 2569 (เดือนที่ลงนามสัญญา)'));
    await userEvent.click(screen.getByRole('button', { name: 'เพิ่มรายการ' }));
    expect(await screen.findByText(/บันทึกลงตารางเดือน มกราคม 2569 แผ่นงาน "O11 สขร\.1 รายเดือน" แถวที่ 22 แล้ว/, {}, AS_THE_OFFICER_WAITS)).toBeTruthy();
    expect(wb.sheet(SHEET).rows[20][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน มกราคม 2569');
    expect(wb.sheet(SHEET).rows[21][0]).toBe('จ้างซ่อมเครื่องปรับอากาศ สำนักปลัด');
  });

  it('refuses a contract the tables already list (same number and amount), naming where it is', async () => {
    const wb = await workbook();
    renderPane(wb, 'form');
    await typeRecord('จัดซื้อวัสดุงานบ้านงานครัว (ซ้ำ)', 'ใบสั่งซื้อเลขที่ ๓/๒๕๖๙ ลงวันที่ ๒ ต.ค. ๒๕๖๘', '5,000');
    await userEvent.click(screen.getByRole('button', { name: 'เพิ่มรายการ' }));
    expect(await screen.findByText(/รายการนี้มีอยู่แล้วที่แผ่นงาน "O11 สขร\.1 รายเดือน" แถว 5/, {}, AS_THE_OFFICER_WAITS)).toBeTruthy();
    expect(wb.sheet(SHEET).rows[7][0]).toBe('สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน พฤศจิกายน 2568');
  });

  it("edits a record of a month's table, but not a month's title", async () => {
    const wb = await workbook();
    renderPane(wb, 'form');
    await screen.findByTestId('form-month', {}, AS_THE_OFFICER_WAITS);
    await wb.selectCell(SHEET, { row: 8, col: 1 });
    await userEvent.click(screen.getByRole('button', { name: 'แก้ไขแถวที่เลือก' }));
    expect(await screen.findByText('แถว 8 ไม่ใช่รายการในตารางรายเดือน (เป็นชื่อเดือน หัวตาราง หรือแถวว่าง): เลือกเซลล์ในแถวของรายการ')).toBeTruthy();
    await wb.selectCell(SHEET, { row: 4, col: 2 });
    await userEvent.click(screen.getByRole('button', { name: 'แก้ไขแถวที่เลือก' }));
    expect(await screen.findByText('แถวนี้อยู่ในตารางเดือน ตุลาคม 2568')).toBeTruthy();
    expect((box(/งานที่จัดซื้อหรือจัดจ้าง/) as HTMLTextAreaElement).value).toBe('จัดซื้อวัสดุงานบ้านงานครัว ครั้งที่ ๒');
    // A contract date moved to November: the check says it is filed under October.
    const contract = box(/เลขที่และวันที่ของสัญญา/);
    await userEvent.clear(contract);
    await userEvent.type(contract, 'ใบสั่งซื้อเลขที่ ๒/๒๕๖๙ ลงวันที่ ๓ พ.ย. ๒๕๖๘');
    expect(await screen.findByText(/สัญญาลงวันที่ 3 พ\.ย\. 2568 \(เดือน พฤศจิกายน 2568\) แต่อยู่ในตารางเดือน ตุลาคม 2568/)).toBeTruthy();
  });
});
