/**
 * Every string the task pane shows, in one table: Thai first (the users are Thai procurement
 * officers), English as a switch. Messages about cells (issues, field feedback) come from the
 * domain, which words them itself. `{name}` placeholders are filled by `t`.
 */
export type Lang = 'th' | 'en';

const STRINGS = {
  appTitle: ['แบบฟอร์ม ITA', 'ITA forms'],
  switchLanguage: ['English', 'ภาษาไทย'],
  switchLanguageLabel: ['เปลี่ยนเป็นภาษาอังกฤษ', 'Switch to Thai'],
  sheet: ['แผ่นงาน', 'Sheet'],
  reload: ['อ่านแผ่นงานอีกครั้ง', 'Reload sheet'],
  reading: ['กำลังอ่านแผ่นงาน…', 'Reading the sheet…'],
  cancel: ['ยกเลิก', 'Cancel'],
  empty: ['(ว่าง)', '(empty)'],

  tabTemplate: ['แบบฟอร์ม', 'Template'],
  tabAgency: ['หน่วยงาน', 'Agency'],
  tabForm: ['บันทึก', 'Record'],
  tabCheck: ['ตรวจ', 'Check'],
  tabFix: ['แก้ไขอัตโนมัติ', 'Auto-fix'],
  tabSummary: ['สรุป', 'Summary'],
  tabImport: ['นำเข้า', 'Import'],

  notRecognised: ['แผ่นงานนี้ยังไม่ใช่แบบฟอร์ม ITA ที่รู้จัก', 'This sheet is not a known ITA template'],
  notRecognisedHint: [
    'ถ้าเป็นแบบฟอร์มอยู่แล้ว ตรวจดูว่าหัวตารางอยู่ใน 15 แถวแรก หรือสร้างแผ่นงานแบบฟอร์มใหม่ด้านล่าง',
    'If it is a template, make sure its header is within the first 15 rows, or create a new template sheet below',
  ],
  recognisedAs: ['แผ่นงานนี้คือ', 'This sheet is'],
  headerRowAt: ['หัวตารางอยู่แถวที่ {row}', 'Header on row {row}'],
  mappingTitle: ['คอลัมน์ที่แบบกำหนด', 'Prescribed columns'],
  mappingField: ['หัวคอลัมน์ตามแบบ', 'Prescribed header'],
  mappingColumn: ['คอลัมน์', 'Column'],
  missingColumn: ['ไม่พบ', 'Missing'],
  missingCount: ['ขาดคอลัมน์ที่แบบกำหนด {n} คอลัมน์', '{n} prescribed columns are missing'],
  allColumnsFound: ['พบครบทุกคอลัมน์ที่แบบกำหนด', 'Every prescribed column is present'],
  createTitle: ['สร้างแผ่นงานแบบฟอร์มใหม่', 'Create a new template sheet'],
  createHint: ['สร้างเป็นแผ่นงานใหม่เสมอ ไม่เขียนทับข้อมูลเดิม', 'Always a new sheet: existing data is never overwritten'],
  templateLabel: ['แบบฟอร์ม', 'Template'],
  createButton: ['สร้างแผ่นงาน', 'Create sheet'],
  created: ['สร้างแผ่นงาน "{name}" แล้ว', 'Created the sheet "{name}"'],
  catalogueTitle: ['แค็ตตาล็อกฉบับ ITA (ไฟล์ JSON)', 'ITA edition catalogue (JSON file)'],
  catalogueHint: [
    'ไฟล์ที่จังหวัดหรือหน่วยงานกลางแจ้ง เพื่อเพิ่มหรือแก้ไขฉบับ ITA (เช่น ITA 2570) เก็บไว้ในไฟล์ Excel นี้',
    'A file your province shares to add or correct an ITA edition (e.g. ITA 2570); kept in this workbook',
  ],
  catalogueLoad: ['โหลดไฟล์แค็ตตาล็อก', 'Load a catalogue file'],
  catalogueSaved: ['บันทึกแค็ตตาล็อกลงในไฟล์แล้ว:', 'Catalogue saved in the workbook:'],
  noAgencyForCreate: [
    'ยังไม่ได้บันทึกข้อมูลหน่วยงาน คอลัมน์หน่วยงานจะว่างไว้ (บันทึกได้ที่แท็บ "หน่วยงาน")',
    'No agency profile yet: the agency columns will be left empty (see the Agency tab)',
  ],

  agencyTitle: ['ข้อมูลหน่วยงาน', 'Agency profile'],
  agencyHint: [
    'ใช้กรอกคอลัมน์หน่วยงาน (ปีงบประมาณ ประเภทหน่วยงาน กระทรวง ชื่อหน่วยงาน อำเภอ จังหวัด) ให้ทุกแถว และเก็บไว้ในไฟล์นี้',
    'Fills the agency columns (fiscal year, agency type, ministry, name, district, province) on every row; kept inside this workbook',
  ],
  agencyName: ['ชื่อหน่วยงาน', 'Agency name'],
  agencyDistrict: ['อำเภอ', 'District'],
  agencyProvince: ['จังหวัด', 'Province'],
  agencyMinistry: ['กระทรวง', 'Ministry'],
  agencyType: ['ประเภทหน่วยงาน', 'Agency type'],
  agencyFiscalYear: ['ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)'],
  agencyWebsite: ['เว็บไซต์หลักของหน่วยงาน', 'Agency main website'],
  agencyNamePlaceholder: ['เช่น เทศบาลตำบลชุมพล', 'e.g. เทศบาลตำบลชุมพล'],
  agencyFiscalYearPlaceholder: ['เช่น 2567', 'e.g. 2567'],
  chooseOption: ['เลือก…', 'Choose…'],
  saveAgency: ['บันทึกข้อมูลหน่วยงาน', 'Save agency profile'],
  agencySaved: ['บันทึกข้อมูลหน่วยงานลงในไฟล์แล้ว', 'Agency profile saved in the workbook'],

  needTemplate: [
    'แผ่นงานนี้ยังไม่ใช่แบบฟอร์ม ITA: เปิดแผ่นงานแบบฟอร์ม หรือสร้างใหม่ที่แท็บ "แบบฟอร์ม"',
    'This sheet is not an ITA template: open one, or create one on the Template tab',
  ],
  formAddTitle: ['เพิ่มรายการใหม่', 'New record'],
  formEditTitle: ['แก้ไขแถวที่ {row}', 'Editing row {row}'],
  formHint: ['ช่องที่มีเครื่องหมาย * ต้องกรอก กด Enter ในช่องบรรทัดเดียวเพื่อบันทึก (ช่องข้อความยาว Enter ขึ้นบรรทัดใหม่)', 'Fields marked * are required; Enter in a one-line field saves (in long text it starts a new line)'],
  addRecord: ['เพิ่มรายการ', 'Add record'],
  editSelected: ['แก้ไขแถวที่เลือก', 'Edit selected row'],
  reviewChanges: ['ตรวจดูการเปลี่ยนแปลง', 'Review changes'],
  clearForm: ['ล้างฟอร์ม', 'Clear form'],
  rowWritten: ['บันทึกลงแถวที่ {row} ของแผ่นงาน "{sheet}" แล้ว', 'Written to row {row} of "{sheet}"'],
  rowWrittenInserted: [
    'บันทึกลงแถวที่ {row} ของแผ่นงาน "{sheet}" แล้ว (แทรกแถวใหม่เหนือหมายเหตุใต้รายการ แถวด้านล่างเลื่อนลง 1 แถว หมายเหตุอยู่ที่แถว {next})',
    'Written to row {row} of "{sheet}" (a new row was inserted above the note under the list; the rows below moved down 1 row, the note is now at row {next})',
  ],
  required: ['ต้องกรอกช่องนี้', 'This field is required'],
  fieldsNeedAttention: ['ยังมี {n} ช่องที่ต้องแก้ไขก่อนบันทึก', '{n} {n:field needs|fields need} attention before saving'],
  derivedHint: ['คำนวณจากคะแนนให้เอง ไม่ต้องกรอก', 'Computed from the scores; not typed'],
  derivedEmpty: ['(กรอกคะแนนแล้วจะคำนวณให้)', '(filled in once the scores are typed)'],
  statusDerivedHint: [
    'เว้นว่างได้: จะกำหนดสถานะจากวันที่ลงนามและวันสิ้นสุดสัญญาให้',
    'May be left empty: derived from the signing and end dates',
  ],
  readAs: ['อ่านได้เป็น {value}', 'Read as {value}'],
  noSelection: ['ยังไม่ได้เลือกเซลล์ในแผ่นงาน', 'No cell is selected'],
  selectionOtherSheet: ['เซลล์ที่เลือกอยู่ในแผ่นงาน "{sheet}" ไม่ใช่แผ่นงานนี้', 'The selected cell is on "{sheet}", not this sheet'],
  selectDataRow: ['กรุณาเลือกเซลล์ในแถวข้อมูลใต้หัวตาราง (ตั้งแต่แถวที่ {row})', 'Select a cell in a data row below the header (row {row} on)'],
  editConfirmTitle: ['จะเปลี่ยน {n} เซลล์ในแถวที่ {row}', '{n} {n:cell|cells} of row {row} will change'],
  editConfirmHint: ['ตรวจดูให้แน่ใจก่อนบันทึก: Excel เลิกทำ (Undo) การแก้ไขของ add-in ไม่ได้', 'Check before writing: Excel cannot undo an add-in\'s changes'],
  noChanges: ['ไม่มีค่าใดเปลี่ยน', 'Nothing changed'],
  confirmWrite: ['ยืนยันบันทึก', 'Confirm and write'],
  editApplied: ['บันทึกการแก้ไขแล้ว {applied} เซลล์', '{applied} {applied:cell|cells} written'],
  skippedChanged: [
    'ข้าม {n} เซลล์ เพราะค่าในเซลล์เปลี่ยนไปหลังจากที่ตรวจ: ตรวจอีกครั้งแล้วลองใหม่',
    '{n} {n:cell was|cells were} skipped because they changed after the check: check again and retry',
  ],
  noAgencyForForm: [
    'ยังไม่ได้บันทึกข้อมูลหน่วยงาน คอลัมน์หน่วยงานจะว่าง (บันทึกได้ที่แท็บ "หน่วยงาน")',
    'No agency profile yet: the agency columns will stay empty (see the Agency tab)',
  ],
  formMonthlyTarget: ['จะบันทึกลงตารางเดือน {month} (เดือนที่ลงนามสัญญา)', 'Goes into the table of {month} (the month the contract was signed)'],
  formMonthlyNeedDate: [
    'ระบุวันที่ของสัญญาในช่อง "{field}" (เช่น สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569) แล้วรายการจะลงตารางของเดือนนั้น',
    'Give the contract date in "{field}" (e.g. สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569); the record goes into that month\'s table',
  ],
  formMonthlyEditing: ['แถวนี้อยู่ในตารางเดือน {month}', 'This row is in the table of {month}'],
  monthlyRowWritten: ['บันทึกลงตารางเดือน {month} แผ่นงาน "{sheet}" แถวที่ {row} แล้ว', 'Written into the table of {month}, "{sheet}" row {row}'],
  monthlyRowInserted: [
    '(ตารางเดือนนี้ไม่มีแถวว่าง จึงแทรกแถวใหม่: สิ่งที่เคยอยู่แถวนี้และด้านล่างเลื่อนลง 1 แถว เริ่มที่แถว {next})',
    '(the month\'s table had no empty row, so a row was inserted: what was on this row and below moved down 1 row, from row {next})',
  ],
  monthlyRowNewTable: [
    '(ยังไม่มีตารางของเดือนนี้ จึงเพิ่มตารางใหม่พร้อมชื่อเดือนและหัวตารางใต้ข้อมูลสุดท้ายของแผ่นงาน)',
    '(no table of this month yet: a new one, with its title and header, was added under the sheet\'s last data)',
  ],
  monthlyNotRecord: [
    'แถว {row} ไม่ใช่รายการในตารางรายเดือน (เป็นชื่อเดือน หัวตาราง หรือแถวว่าง): เลือกเซลล์ในแถวของรายการ',
    'Row {row} is no record of a month\'s table (a title, a header or an empty row): select a cell in a record\'s row',
  ],

  recheck: ['ตรวจอีกครั้ง', 'Check again'],
  checking: ['กำลังตรวจ…', 'Checking…'],
  ready: ['พร้อมเผยแพร่', 'Ready to publish'],
  notReady: ['ยังไม่พร้อม', 'Not ready'],
  errorsCount: ['ข้อผิดพลาด {n}', '{n} {n:error|errors}'],
  warningsCount: ['คำเตือน {n}', '{n} {n:warning|warnings}'],
  recordsCount: ['{n} รายการ', '{n} {n:record|records}'],
  rowsCount: ['{n} แถว', '{n} {n:row|rows}'],
  verdictTitle: ['ผลการตรวจแผ่นงาน "{sheet}"', 'Check of the sheet "{sheet}"'],
  checkedAt: ['ตรวจล่าสุดเวลา {time}', 'Last checked at {time}'],
  autoRecheck: ['ตรวจใหม่ให้อัตโนมัติเมื่อมีการแก้ไขแผ่นงาน', 'Checks again automatically when the sheet changes'],
  noEvents: [
    'Excel รุ่นนี้แจ้งการแก้ไขให้ add-in ไม่ได้ ผลนี้อาจไม่เป็นปัจจุบันหลังแก้ไขในแผ่นงาน: จะตรวจใหม่เมื่อกลับมาที่หน้าต่างนี้ หรือกด "ตรวจอีกครั้ง"',
    'This Excel cannot report edits to add-ins, so this result may be out of date after an edit in the sheet: it is checked again when you come back to the pane, or press "Check again"',
  ],
  errorsOnly: ['เฉพาะข้อผิดพลาด', 'Errors only'],
  relatedTitle: ['แผ่นงานที่เกี่ยวข้อง', 'Related sheets'],
  relatedHint: [
    'ปัญหาในแผ่นงานที่แบบนี้อ้างถึง แสดงไว้ให้ทราบ ไม่นับในผลของแผ่นงานนี้',
    'Issues of sheets this template refers to; shown for reference, not counted in this sheet\'s result',
  ],
  relatedNotCounted: [
    'แผ่นงานที่เกี่ยวข้องมีอีก {n} รายการที่ต้องตรวจสอบ (ไม่นับรวม ดูด้านล่าง)',
    '{n} more {n:issue|issues} on related sheets (not counted; see below)',
  ],
  openTemplateTab: ['สร้างหรือกำหนดแบบฟอร์ม', 'Create or map a template'],
  tryAgain: ['ลองอีกครั้ง', 'Try again'],
  changeLabel: ['{cell}: {from} เป็น {to}', '{cell}: {from} to {to}'],
  completenessTitle: ['ความครบถ้วนรายคอลัมน์', 'Completeness by column'],
  figuresTitle: ['ผลที่คำนวณจากแผ่นงาน', 'Figures from the sheet'],
  issuesTitle: ['รายการที่ต้องตรวจสอบ', 'Issues'],
  rowLabel: ['แถวที่ {row}', 'Row {row}'],
  sheetLevel: ['ทั้งแผ่นงาน', 'Whole sheet'],
  noIssues: ['ไม่พบปัญหา', 'No issues found'],
  severityError: ['ข้อผิดพลาด', 'Error'],
  severityWarning: ['คำเตือน', 'Warning'],
  goToCell: ['ไปที่เซลล์ {cell}', 'Go to cell {cell}'],
  highlight: ['ระบายสีเซลล์ที่มีปัญหา', 'Highlight problem cells'],
  clearHighlights: ['ล้างสีที่ระบาย', 'Remove highlights'],
  highlighted: ['ระบายสี {n} เซลล์แล้ว (แดง = ข้อผิดพลาด, เหลือง = คำเตือน)', '{n} {n:cell|cells} highlighted (red = error, amber = warning)'],
  highlightsCleared: ['ล้างสีที่ add-in ระบายไว้แล้ว', 'Highlights removed'],
  showingFirst: ['แสดง {shown} จาก {total} รายการ', 'Showing {shown} of {total}'],
  showMore: ['แสดงเพิ่ม', 'Show more'],
  otherSheet: ['แผ่นงาน "{sheet}"', 'Sheet "{sheet}"'],

  fixTitle: ['แก้ไขอัตโนมัติ ({n})', 'Automatic fixes ({n})'],
  fixHint: [
    'เลือกเซลล์ที่จะแก้ แล้วกดแก้ไข ระบบจะแก้เฉพาะเซลล์ที่เลือกและยังมีค่าเดิมอยู่เท่านั้น',
    'Choose the cells to fix; only the chosen cells that still hold the listed value are written',
  ],
  fixNone: ['ไม่มีรายการที่แก้ไขอัตโนมัติได้', 'Nothing can be fixed automatically'],
  fixFrom: ['ค่าเดิม', 'Current'],
  fixTo: ['ค่าใหม่', 'New'],
  selectAll: ['เลือกทั้งหมด', 'Select all'],
  selectNone: ['ไม่เลือกเลย', 'Select none'],
  applyChecked: ['แก้ไข {n} เซลล์ที่เลือก', 'Fix {n} selected {n:cell|cells}'],
  confirmFixTitle: ['ยืนยันการแก้ไข', 'Confirm the fixes'],
  confirmFixBody: [
    'จะเขียนค่าใหม่ลง {n} เซลล์ในแผ่นงาน "{sheet}" Excel เลิกทำ (Undo) การแก้ไขของ add-in ไม่ได้',
    '{n} cells of "{sheet}" will be written. Excel cannot undo an add-in\'s changes.',
  ],
  confirmFix: ['ยืนยันแก้ไข', 'Apply'],
  fixResult: ['แก้ไขแล้ว {applied} เซลล์ ข้าม {skipped} เซลล์', '{applied} {applied:cell|cells} fixed, {skipped} skipped'],
  fixSelectedCount: ['เลือกแล้ว {n} จาก {total} เซลล์', '{n} of {total} {total:cell|cells} selected'],

  summaryTitle: ['สรุปจำนวนและงบประมาณตามวิธีการจัดซื้อจัดจ้าง', 'Count and budget by procurement method'],
  summaryHint: [
    'สร้างหรือปรับปรุงแผ่นงานสรุปจากรายการในแผ่นงานนี้ (ไม่นับรายการที่ยกเลิก) สูตรในแผ่นงานสรุปจะคำนวณใหม่เมื่อเพิ่มรายการ',
    'Creates or refreshes the summary sheet from this list (cancelled items left out); its formulas follow new rows',
  ],
  summaryGroup: ['วิธีการ', 'Method'],
  summaryCount: ['จำนวน', 'Count'],
  summaryAmount: ['บาท', 'Baht'],
  writeSummary: ['สร้าง/ปรับปรุงแผ่นงานสรุป', 'Write the summary sheet'],
  summaryWritten: ['เขียนสรุปลงแผ่นงาน "{name}" แล้ว', 'Summary written to "{name}"'],
  summaryUngrouped: ['{n} รายการไม่ได้นับ เพราะวิธีการจัดซื้อจัดจ้างว่างหรือไม่ตรงกับรายการ', '{n} records not counted: method empty or not in the list'],

  importTitle: ['นำเข้าข้อมูลจัดซื้อจัดจ้าง', 'Import procurement data'],
  loadingPage: ['กำลังโหลด…', 'Loading…'],
  pageUnavailable: [
    'โหลดหน้านี้ไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้): กด "ลองอีกครั้ง" เมื่อเชื่อมต่อได้',
    'This page could not be loaded (the add-in\'s server is unreachable): press "Try again" once connected',
  ],
  importUnavailable: [
    'โหลดหน้านำเข้าไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้): กด "ลองอีกครั้ง" เมื่อเชื่อมต่อได้ หรือใช้คำสั่ง ita-forms import',
    'The import page could not be loaded (the add-in\'s server is unreachable): press "Try again" once connected, or use ita-forms import',
  ],
  importHint: [
    'อ่านไฟล์ข้อมูล e-GP (CSV หรือ JSON จาก data.go.th) หรือแบบ สขร.1 (.xlsx) แล้วเพิ่มเป็นรายการในแบบ o16/o17 ไฟล์ถูกอ่านในเครื่องนี้เท่านั้น ไม่ถูกส่งไปที่ใด',
    'Reads e-GP open data (CSV or JSON from data.go.th) or สขร.1 monthly sheets (.xlsx) and adds them as o16/o17 records. The file is read on this computer only; nothing is sent anywhere',
  ],
  importFileLabel: ['ไฟล์ข้อมูลที่จะนำเข้า', 'File to import'],
  importChooseFile: ['เลือกไฟล์…', 'Choose file…'],
  importChooseOther: ['เลือกไฟล์อื่น…', 'Choose another file…'],
  importNoFile: ['ยังไม่ได้เลือกไฟล์ (.csv, .json, .xlsx)', 'No file chosen (.csv, .json, .xlsx)'],
  importReading: ['กำลังอ่านไฟล์…', 'Reading the file…'],
  importTooLarge: [
    'ไฟล์ใหญ่เกินกว่าจะอ่านในหน้าต่างนี้ ({mb} MB): ใช้คำสั่ง ita-forms import ซึ่งอ่านไฟล์ทีละส่วน หรือกรองเฉพาะหน่วยงานก่อน',
    'The file is too large to read in the pane ({mb} MB): use ita-forms import, which streams it, or filter it to your agency first',
  ],
  importSourceEgp: ['ข้อมูล e-GP {variant} ({format}, {encoding}) — {n} รายการ', 'e-GP data, {variant} ({format}, {encoding}) — {n} records'],
  importVariantBulk: ['ชุดข้อมูลเต็ม', 'bulk export'],
  importVariantApi: ['แบบ API', 'API variant'],
  importVariantMixed: ['หัวคอลัมน์ผสมสองแบบ', 'mixed headers'],
  importEncodingTis: ['Windows-874 (TIS-620)', 'Windows-874 (TIS-620)'],
  importEncodingUtf8Bom: ['UTF-8 มี BOM', 'UTF-8 with BOM'],
  importEncodingUtf8: ['UTF-8', 'UTF-8'],
  importSourceWorkbook: ['สมุดงาน Excel — {n} รายการ', 'Excel workbook — {n} records'],
  importSheetMonthly: ['แผ่นงาน "{sheet}": แบบ สขร.1 เดือน {month} — {n} รายการ', 'Sheet "{sheet}": สขร.1 of {month} — {n} records'],
  importSheetMonthlyNone: ['แผ่นงาน "{sheet}": แบบ สขร.1 เดือน {month} — ระบุว่าไม่มีการจัดซื้อจัดจ้าง', 'Sheet "{sheet}": สขร.1 of {month} — states no procurement'],
  importSheetTemplate: ['แผ่นงาน "{sheet}": แบบ {item} — {n} รายการ', 'Sheet "{sheet}": {item} — {n} records'],
  importSheetIgnored: ['ข้ามแผ่นงาน "{sheet}": {reason}', 'Skipped sheet "{sheet}": {reason}'],
  importMonthUnknown: ['ไม่ทราบเดือน', 'unknown month'],

  importTarget: ['นำเข้าลงใน', 'Import into'],
  importTargetThis: ['แผ่นงานนี้ "{sheet}"', 'This sheet "{sheet}"'],
  importTargetNew: ['แผ่นงานใหม่', 'A new sheet'],
  importTargetNotList: [
    'แผ่นงานที่เปิดอยู่ไม่ใช่แบบ o16/o17: จะสร้างแผ่นงานใหม่ให้เมื่อยืนยันนำเข้า (หรือเปิดแผ่นงาน o16/o17 ที่มีอยู่แล้วกด "อ่านแผ่นงานอีกครั้ง")',
    'The open sheet is not an o16/o17 list: a new sheet is created when you confirm (or open your o16/o17 sheet and press "Reload sheet")',
  ],
  importNewTemplate: ['แบบของแผ่นงานใหม่', 'Template of the new sheet'],
  importFiscalYear: ['ปีงบประมาณที่ประเมิน (พ.ศ.)', 'Assessed fiscal year (BE)'],
  importFiscalYearNeeded: ['ระบุปีงบประมาณที่ประเมิน เช่น 2567', 'Give the assessed fiscal year, e.g. 2567'],
  importUnit: ['หน่วยงาน (ชื่อที่มีในไฟล์)', 'Agency (as named in the file)'],
  importUnitPlaceholder: ['เลือกหน่วยงาน…', 'Choose the agency…'],
  importUnitOption: ['{name} ({n} รายการ)', '{name} ({n} records)'],
  importAsOf: ['สถานะ ณ วันที่', 'Status as of'],
  importAsOfHint: ['เว้นว่าง = วันสิ้นสุดช่วงของแบบ หรือวันนี้ถ้ายังไม่ถึง (ใช้อยู่: {date})', 'Empty = end of the template\'s period, or today if earlier (in use: {date})'],
  importAsOfPlaceholder: ['เช่น 31 มี.ค. 2567', 'e.g. 31 มี.ค. 2567'],
  importBudgetSource: ['แหล่งที่มาของงบประมาณ (สำหรับรายการที่ไฟล์ไม่ระบุ)', 'Budget source (for rows the file has none)'],
  importBudgetSourceNone: ['ไม่ระบุ (กรอกเองภายหลัง)', 'None (fill in later)'],

  importPreviewTitle: ['ตัวอย่างก่อนนำเข้า', 'Preview'],
  importPlanning: ['กำลังเตรียมตัวอย่าง…', 'Preparing the preview…'],
  importCounts: [
    'อ่านได้ {read} รายการ · ของหน่วยงาน {matched} · อยู่ในช่วงของแบบ ({window}) {inWindow}{outside}',
    '{read} read · {matched} of the agency · {inWindow} in the period ({window}){outside}',
  ],
  importOutside: [' · นอกช่วง {n}', ' · {n} outside'],
  importWillWrite: [
    'จะเพิ่ม {n} แถวใหม่ลงแผ่นงาน "{sheet}" แถว {from}–{to} โดยไม่แก้ไขแถวเดิม',
    '{n} new rows will be added to "{sheet}", rows {from}–{to}; existing rows are not changed',
  ],
  importWillWriteNew: [
    'จะสร้างแผ่นงานใหม่ "{sheet}" แล้วเพิ่ม {n} แถว (แถว {from}–{to})',
    'A new sheet "{sheet}" will be created with {n} rows (rows {from}–{to})',
  ],
  importNothingNew: ['ไม่มีรายการใหม่ที่จะนำเข้า', 'Nothing new to import'],
  importNoRows: [
    'ไม่พบรายการของหน่วยงานนี้ในช่วงของแบบ ({window}): ตรวจดูปีงบประมาณ หน่วยงาน และไฟล์ที่เลือก',
    'No records of this agency in the period ({window}): check the fiscal year, the agency and the file',
  ],
  importNeedsUnit: ['ไฟล์นี้มีข้อมูลหลายหน่วยงาน: เลือกหน่วยงานของท่านด้านบน', 'The file holds several agencies: choose yours above'],
  importUnitNotFound: ['ไม่พบข้อมูลของหน่วยงาน "{unit}" ในไฟล์: เลือกชื่อหน่วยงานจากรายการด้านบน', 'No records of "{unit}" in the file: choose a name from the list above'],
  importWillShift: [
    'แถว {from} ลงไป (เช่น หมายเหตุหรือช่องลงชื่อใต้รายการ) จะเลื่อนลง {by} แถว: แทรกแถวใหม่เหนือแถว {from} ไม่เขียนทับข้อความเดิม',
    'Rows {from} and below (a note or signature block under the list) will move down {by} rows: new rows are inserted above row {from}, nothing is written over',
  ],
  importShifted: [
    'แถวเดิมตั้งแต่แถว {from} ลงไปเลื่อนลง {by} แถว (ตอนนี้เริ่มที่แถว {now})',
    'The rows from row {from} down moved down {by} rows (they now start at row {now})',
  ],
  importMissingColumns: ['แผ่นงานนี้ไม่มีคอลัมน์ {cols} จึงไม่ได้ใส่ค่าของคอลัมน์เหล่านี้', 'This sheet lacks the columns {cols}; their values are not written'],
  importStatesNone: [
    'แผ่นงานนี้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง": เมื่อนำเข้าแล้วให้ลบข้อความนั้นออก',
    'This sheet states there was no procurement: remove that statement once rows are added',
  ],
  importRowsTitle: ['รายการที่จะนำเข้า ({n})', 'Rows to import ({n})'],
  importColRow: ['แถว', 'Row'],
  importColProject: ['โครงการ / ผู้ได้รับการคัดเลือก', 'Project / winner'],
  importColPrice: ['ราคาที่ตกลง (บาท)', 'Agreed price (baht)'],
  importColDateStatus: ['ลงนาม / สถานะ', 'Signed / status'],
  importSkippedTitle: ['นำเข้าไม่ได้ {n} รายการ (แก้ข้อมูลต้นทางหรือกรอกเอง)', '{n} records cannot be imported (fix the source or type them in)'],
  importDuplicatesTitle: ['ซ้ำกับที่มีอยู่แล้ว จึงไม่นำเข้าซ้ำ {n} รายการ', '{n} records are already there and are not imported again'],
  importDuplicateOfRow: ['ซ้ำกับแถว {row} ของแผ่นงาน', 'same as row {row} of the sheet'],
  importDuplicateOf: ['ซ้ำกับ{origin}', 'same as {origin}'],
  importConflictsTitle: [
    'ข้อมูลไม่ตรงกับแถวที่มีอยู่ {n} รายการ — ไม่ได้แก้แถวเดิม ให้ตรวจสอบแล้วแก้เองถ้าข้อมูลใหม่ถูกต้อง',
    '{n} records differ from existing rows — those rows are not changed; correct them yourself if the file is right',
  ],
  importConflictRow: ['แถว {row} ของแผ่นงาน กับ{origin}', 'Row {row} of the sheet and {origin}'],
  importConflictDiff: ['{header}: เดิม {existing} / ใหม่ {incoming}', '{header}: now {existing} / file {incoming}'],
  importPdpaTitle: ['ข้อมูลส่วนบุคคล (PDPA): {n} แถวใช้เลขประจำตัวประชาชนของบุคคล', 'Personal data (PDPA): {n} rows carry a person\'s citizen ID'],
  importPdpaHint: [
    'เก็บเลขเต็มไว้ใช้งานได้ แต่ก่อนเผยแพร่บนเว็บไซต์ต้องปิดบังเลข 4 หลักท้าย',
    'Keep the full number for your work, but mask its last 4 digits before publishing',
  ],
  importPdpaRow: ['แถว {row}: {masked}', 'Row {row}: {masked}'],
  importCheckSummary: ['ผลการตรวจรายการที่จะนำเข้า: ข้อผิดพลาด {errors} คำเตือน {warnings}', 'Check of the rows to import: {errors} errors, {warnings} warnings'],
  importBudgetSourceHint: [
    'ไฟล์ไม่มีแหล่งที่มาของงบประมาณ: เลือกด้านบน หรือกรอกเองหลังนำเข้า',
    'The file has no budget source: choose one above, or fill it in after the import',
  ],
  importO17Summary: ['หลังนำเข้า ปรับปรุงแผ่นงานสรุปได้ที่แท็บ "สรุป"', 'After the import, refresh the summary sheet on the Summary tab'],
  importButton: ['นำเข้า {n} แถว', 'Import {n} rows'],
  importConfirmTitle: ['ยืนยันการนำเข้า', 'Confirm the import'],
  importConfirmBody: [
    'จะเขียน {n} แถวใหม่ลงแผ่นงาน "{sheet}" แถว {from}–{to} เฉพาะแถวที่ว่างอยู่หรือแถวที่แทรกใหม่ Excel เลิกทำ (Undo) การเขียนของ add-in ไม่ได้',
    '{n} new rows will be written to "{sheet}", rows {from}–{to}, into empty or inserted rows only. Excel cannot undo an add-in\'s writes.',
  ],
  importConfirm: ['ยืนยันนำเข้า', 'Import'],
  importWritten: ['นำเข้า {n} แถวลงแผ่นงาน "{sheet}" แถว {from}–{to} แล้ว', '{n} rows imported into "{sheet}", rows {from}–{to}'],
  importCheckedAfter: ['ตรวจแผ่นงานหลังนำเข้า: ข้อผิดพลาด {errors} คำเตือน {warnings}', 'Sheet checked after the import: {errors} errors, {warnings} warnings'],
  importShowCheck: ['ดูผลการตรวจ', 'See the check'],
  importChanged: [
    'แผ่นงานเปลี่ยนไปหลังจากแสดงตัวอย่าง จึงยังไม่ได้เขียน: ตรวจดูตัวอย่างใหม่แล้วกดนำเข้าอีกครั้ง',
    'The sheet changed after the preview, so nothing was written: review the new preview and import again',
  ],
  importMonthlyWillWrite: [
    'จะลง {n} สัญญา แต่ละสัญญาในตารางของเดือนที่ลงนาม เฉพาะแถวว่าง:',
    'Will write {n} {n:contract|contracts}, each into the table of the month it was signed, into empty rows only:',
  ],
  importMonthlyMonth: ['{month}: {n} รายการ → แผ่นงาน "{sheet}" แถว {from}–{to}', '{month}: {n} → "{sheet}", rows {from}–{to}'],
  importMonthlyInsert: [
    'ตารางเดือนนี้มีแถวว่างไม่พอ: จะแทรก {n} แถวเหนือแถว {at} ทุกอย่างตั้งแต่แถว {at} ลงไป (เช่น ชื่อตารางเดือนถัดไป) เลื่อนลง {n} แถว',
    'This month\'s table has too few empty rows: {n} {n:row is|rows are} inserted above row {at}; everything from row {at} down (e.g. the next month\'s title) moves down {n} {n:row|rows}',
  ],
  importMonthlyNewTable: [
    'ยังไม่มีตารางของเดือนนี้ในสมุดงาน: จะเพิ่มตารางใหม่ (ชื่อเดือนและหัวตาราง) ที่แถว {at} ใต้ข้อมูลสุดท้ายของแผ่นงาน',
    'No sheet has this month\'s table: a new table (month title and header) is added at row {at}, under the sheet\'s last data',
  ],
  importMonthlyStatesNone: [
    'ตารางเดือนนี้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง" อยู่: ลบข้อความนั้นออกหลังนำเข้า',
    'This month\'s table says "ไม่มีการจัดซื้อจัดจ้าง": remove that statement after the import',
  ],
  importMonthlyDuplicatesTitle: ['มีอยู่แล้วในตารางรายเดือน จึงไม่นำเข้าซ้ำ {n} รายการ', '{n} {n:contract is|contracts are} already in the monthly tables and not imported again'],
  importMonthlyDuplicateAt: ['มีแล้วที่แผ่นงาน "{sheet}" แถว {row}', 'already on "{sheet}", row {row}'],
  importMonthlyNotContracted: [
    'ยังไม่มีสัญญา (ยังไม่ได้ลงนามหรือยกเลิก) จึงไม่ลงในสรุปผลรายเดือน {n} รายการ',
    '{n} {n:record has|records have} no contract yet (not signed, or cancelled): not in a monthly summary',
  ],
  importMonthlyToFill: [
    'ข้อมูล e-GP ไม่มีรายชื่อผู้เสนอราคาและเหตุผลที่คัดเลือก: กรอกเองหลังนำเข้า เดือนที่ไม่มีรายการให้กรอกรายการที่ขาด หรือระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"',
    'e-GP data has neither the bidders nor the reasons for the choice: type them after the import; for a month with no rows, add what is missing or state "ไม่มีการจัดซื้อจัดจ้าง"',
  ],
  importMonthlyButton: ['นำเข้า {n} สัญญา', 'Import {n} {n:contract|contracts}'],
  importMonthlyConfirmBody: [
    'จะเขียน {n} สัญญาลงตาราง {months} เดือนตามรายการด้านบน เฉพาะแถวว่าง',
    'Writes {n} {n:contract|contracts} into the tables of {months} {months:month|months} as listed above, into empty rows only',
  ],
  importMonthlyConfirmInserts: [
    'และแทรกแถวใหม่ {n} แถว (สิ่งที่อยู่ด้านล่างเลื่อนลง ตามที่บอกไว้ในแต่ละเดือน)',
    'and inserts {n} new {n:row|rows} (what is below moves down, as said for each month)',
  ],
  importMonthlyWritten: ['นำเข้า {n} สัญญาลงตารางรายเดือน {months} เดือนแล้ว', '{n} {n:contract|contracts} written into the tables of {months} {months:month|months}'],
  showingRows: ['แสดง {shown} จาก {total} แถว', 'Showing {shown} of {total} rows'],

  errorTitle: ['ทำรายการไม่สำเร็จ', 'That did not work'],
  unexpectedError: ['เกิดข้อผิดพลาดที่ไม่คาดคิด: {msg}', 'Unexpected error: {msg}'],
  notInExcel: ['หน้านี้เปิดอยู่นอก Excel', 'This page is open outside Excel'],
  loadingOffice: ['กำลังเชื่อมต่อกับ Excel (โหลด Office.js)…', 'Connecting to Excel (loading Office.js)…'],
  officeFailed: ['โหลด Office.js ไม่ได้ จึงยังทำงานกับสมุดงานนี้ไม่ได้', 'Office.js could not be loaded, so the add-in cannot work with this workbook yet'],
  officeFailedHint: [
    'ตรวจดูว่าเครื่องนี้เชื่อมต่ออินเทอร์เน็ตได้ และพร็อกซีหรือไฟร์วอลล์ของหน่วยงานอนุญาตให้เข้าถึง appsforoffice.microsoft.com แล้วปิดและเปิดหน้าต่าง add-in นี้ใหม่',
    'Check that this computer is online and that your proxy or firewall allows appsforoffice.microsoft.com, then close and reopen this add-in pane',
  ],
  reloadPane: ['โหลดหน้าต่างนี้ใหม่', 'Reload this pane'],
  pickItem: ['รายการในแผ่นงาน', 'Item on the sheet'],
  previousItem: ['ก่อนหน้า', 'Previous'],
  nextItem: ['ถัดไป', 'Next'],
  itemPosition: ['รายการที่ {n} จาก {total}', 'Item {n} of {total}'],
  newItem: ['เพิ่มรายการใหม่', 'New record'],
  rowIssuesTitle: ['ปัญหาของแถวนี้ตามการตรวจ ({n})', 'This row\'s issues in the check ({n})'],
  editSelectedHint: [
    'แก้ไขแถวที่มีอยู่: คลิกเซลล์ใดก็ได้ในแถวนั้นในแผ่นงาน แล้วกด "แก้ไขแถวที่เลือก"',
    'To edit an existing row: click any cell of that row in the sheet, then press "Edit selected row"',
  ],
  notInExcelHint: [
    'เพิ่ม add-in นี้ใน Excel (แทรก > Add-in) หรือดูตัวอย่างการทำงานที่หน้า preview.html',
    'Add this add-in in Excel (Insert > Add-ins), or try it on preview.html',
  ],
  openPreview: ['เปิดหน้าตัวอย่าง', 'Open the preview'],
  paneCrashed: ['หน้าต่างนี้ทำงานผิดพลาด กรุณาปิดแล้วเปิดใหม่', 'The pane failed; please close and reopen it'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export type Vars = Readonly<Record<string, string | number>>;

const plurals = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let p = plurals.get(lang);
  if (!p) {
    p = new Intl.PluralRules(lang === 'th' ? 'th-TH' : 'en-GB');
    plurals.set(lang, p);
  }
  return p;
}

/**
 * Fills `{name}` placeholders; `{n:one|other}` picks the word for the number n by the language's
 * plural rules (English "1 error", "2 errors"; Thai has one form).
 */
export function translate(lang: Lang, key: StringKey, vars?: Vars): string {
  const s: string = STRINGS[key][lang === 'th' ? 0 : 1];
  if (!vars) return s;
  return s
    .replace(/\{(\w+):([^|}]*)\|([^}]*)\}/g, (m, k: string, one: string, other: string) => {
      const n = Number(vars[k]);
      if (!(k in vars) || !Number.isFinite(n)) return m;
      return pluralRules(lang).select(n) === 'one' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export type Translate = (key: StringKey, vars?: Vars) => string;

/**
 * The pane's starting language: Thai unless Office runs in English. Outside Office (preview,
 * tests) displayLanguage is undefined, and Thai is the fallback.
 */
export function initialLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'th';
}
