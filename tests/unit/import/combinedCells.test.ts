import { splitContractCell, splitWinnerCell } from '../../../src/domain/import/combinedCells';
import { utcDate } from '../../../src/domain/values/thaiDate';

describe('สขร.1 winner cell', () => {
  it.each([
    ['ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง ราคา 2,390,000 บาท', 'ห้างหุ้นส่วนจำกัด สีคิ้วก่อสร้าง', 2390000],
    ['อู่ช่างเอก\nราคาที่ตกลง ๑๒,๘๐๐.๐๐ บาท', 'อู่ช่างเอก', 12800],
    ['ร้านชุมพลพาณิชย์ / 18,200.-', 'ร้านชุมพลพาณิชย์', 18200],
    ['บริษัท 3 เค คอนสตรัคชั่น จำกัด เป็นเงิน 45,000 บาท', 'บริษัท 3 เค คอนสตรัคชั่น จำกัด', 45000],
  ])('%s', (text, winner, price) => {
    expect(splitWinnerCell(text)).toEqual({ winner, price });
  });

  it('keeps a name without a price as it is, and takes a tax ID out of the name', () => {
    expect(splitWinnerCell('บริษัท 3 เค จำกัด')).toEqual({ winner: 'บริษัท 3 เค จำกัด' });
    expect(splitWinnerCell('หจก.สีคิ้วก่อสร้าง เลขประจำตัวผู้เสียภาษี 0-3655-29000-04-2 ราคา 100,000 บาท')).toEqual({
      winner: 'หจก.สีคิ้วก่อสร้าง', price: 100000, taxId: '0365529000042',
    });
  });
});

describe('สขร.1 contract cell', () => {
  it('splits the number and the signing date', () => {
    expect(splitContractCell('สัญญาเลขที่ 12/2567 ลงวันที่ 15 ม.ค. 2567')).toEqual({ kind: 'สัญญา', number: '12/2567', date: utcDate(2024, 1, 15) });
    expect(splitContractCell('ใบสั่งซื้อเลขที่ 45/2567 ลว. 3 พ.ย. 66')).toEqual({ kind: 'ใบสั่งซื้อ', number: '45/2567', date: utcDate(2023, 11, 3) });
    expect(splitContractCell('ใบสั่งจ้างเลขที่ ๑๒/๒๕๖๗\nลงวันที่ ๒๐ ตุลาคม ๒๕๖๖')).toMatchObject({ number: '12/2567', date: utcDate(2023, 10, 20) });
    expect(splitContractCell('สัญญา 7/2567 ลว. 1/12/66')).toMatchObject({ number: '7/2567', date: utcDate(2023, 12, 1) });
  });

  it('keeps a series letter set apart with its number, and a slash typed between spaces', () => {
    expect(splitContractCell('สัญญาเลขที่ ซ 1/2567 ลว. 20 ธ.ค. 66')).toMatchObject({ number: 'ซ 1/2567', date: utcDate(2023, 12, 20) });
    expect(splitContractCell('สัญญาเลขที่ ๑๒ / ๒๕๖๗ ลงวันที่ ๑๕ ธันวาคม ๒๕๖๖')).toMatchObject({ number: '12/2567', date: utcDate(2023, 12, 15) });
    // No ลงวันที่: the date after the number is not part of it.
    expect(splitContractCell('สัญญาเลขที่ 12/2567 15 ม.ค. 2567').number).toBe('12/2567');
  });

  it('says why a date cannot be read', () => {
    const c = splitContractCell('ใบสั่งซื้อเลขที่ 50/2567 ลว. 32 ม.ค. 67');
    expect(c.number).toBe('50/2567');
    expect(c.date).toBeUndefined();
    expect(c.dateText).toBe('32 ม.ค. 67');
    expect(c.dateProblem?.code).toBe('date-impossible');
  });
});
