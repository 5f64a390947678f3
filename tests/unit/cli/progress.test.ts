/** The progress of a batch check: a bar redrawn in place on a terminal, plain lines elsewhere. */
import { formatDuration, Progress, type ProgressSink } from '../../../src/cli/progress';

function sink(isTTY: boolean): ProgressSink & { text: string } {
  const s = { isTTY, columns: 120, text: '', write: (t: string) => void (s.text += t) };
  return s;
}

describe('progress of check over many files', () => {
  it('on a terminal: one bar with files done, errors so far and the time left, redrawn in place', () => {
    let now = 0;
    const out = sink(true);
    const p = new Progress(4, out, () => now);
    now = 10_000;
    p.fileDone({ file: 'a.xlsx', errors: 3, warnings: 1, unusable: false });
    expect(out.text).toBe('\r\x1b[2K[██████░░░░░░░░░░░░░░░░░░] 1/4 ไฟล์ · ข้อผิดพลาด 3 · เหลืออีกประมาณ 30 วินาที');
    now = 10_050; // within the redraw interval: not drawn again
    p.fileDone({ file: 'b.xlsx', errors: 0, warnings: 0, unusable: true });
    expect(out.text.split('\r').length).toBe(2);
    now = 20_000;
    p.fileDone({ file: 'c.xlsx', errors: 2, warnings: 0, unusable: false });
    expect(out.text.split('\r').at(-1)).toBe('\x1b[2K[██████████████████░░░░░░] 3/4 ไฟล์ · ข้อผิดพลาด 5 · อ่านไม่ได้ 1 · เหลืออีกประมาณ 7 วินาที');
    now = 200_000;
    p.fileDone({ file: 'd.xlsx', errors: 0, warnings: 0, unusable: false });
    p.finish();
    expect(out.text.endsWith('[████████████████████████] 4/4 ไฟล์ · ข้อผิดพลาด 5 · อ่านไม่ได้ 1 · ใช้เวลา 3 นาที 20 วินาที\n')).toBe(true);
    expect(out.text).not.toContain('a.xlsx');
  });

  it('elsewhere: one plain line per file, nothing redrawn', () => {
    const out = sink(false);
    const p = new Progress(2, out, () => 0);
    p.fileDone({ file: 'ก.xlsx', errors: 3, warnings: 1, unusable: false });
    p.fileDone({ file: 'ข.xlsx', errors: 0, warnings: 0, unusable: true });
    p.finish();
    expect(out.text).toBe('ตรวจแล้ว 1/2: ก.xlsx — ข้อผิดพลาด 3, คำเตือน 1 (ข้อผิดพลาดรวม 3)\nตรวจแล้ว 2/2: ข.xlsx — อ่านไม่ได้ (ข้อผิดพลาดรวม 3)\n');
  });

  it('says durations in Thai', () => {
    expect(formatDuration(12_400)).toBe('12 วินาที');
    expect(formatDuration(3_725_000)).toBe('1 ชม. 2 นาที');
  });
});
