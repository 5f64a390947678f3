/**
 * Every string the task pane shows: Thai first (the users are Thai procurement officers), English
 * as a switch. English is a chunk of its own (i18nEn.ts), fetched when the pane runs in English, so
 * Thai officers never download it; only the messages shown before the pane can fetch anything
 * (Office.js loading or failed, outside Excel) are in both languages here. Messages about cells
 * (issues, field feedback) come from the domain, which words them itself. `{name}` placeholders are
 * filled by `t`.
 */
export type Lang = 'th' | 'en';

const TH = {
  appTitle: 'แบบฟอร์ม ITA',
  switchLanguage: 'English',
  switchLanguageLabel: 'เปลี่ยนเป็นภาษาอังกฤษ',
  sheet: 'แผ่นงาน',
  reload: 'อ่านแผ่นงานอีกครั้ง',
  reading: 'กำลังอ่านแผ่นงาน…',
  cancel: 'ยกเลิก',
  empty: '(ว่าง)',

  tabTemplate: 'แบบฟอร์ม',
  tabAgency: 'หน่วยงาน',
  tabForm: 'บันทึก',
  tabCheck: 'ตรวจ',
  tabFix: 'แก้ไขอัตโนมัติ',
  tabSummary: 'สรุป',
  tabImport: 'นำเข้า',

  notRecognised: 'แผ่นงานนี้ยังไม่ใช่แบบฟอร์ม ITA ที่รู้จัก',
  notRecognisedHint: 'ถ้าเป็นแบบฟอร์มอยู่แล้ว ตรวจดูว่าหัวตารางอยู่ใน 15 แถวแรก หรือสร้างแผ่นงานแบบฟอร์มใหม่ด้านล่าง',
  recognisedAs: 'แผ่นงานนี้คือ',
  headerRowAt: 'หัวตารางอยู่แถวที่ {row}',
  mappingTitle: 'คอลัมน์ที่แบบกำหนด',
  mappingField: 'หัวคอลัมน์ตามแบบ',
  mappingColumn: 'คอลัมน์',
  missingColumn: 'ไม่พบ',
  missingCount: 'ขาดคอลัมน์ที่แบบกำหนด {n} คอลัมน์',
  allColumnsFound: 'พบครบทุกคอลัมน์ที่แบบกำหนด',
  createTitle: 'สร้างแผ่นงานแบบฟอร์มใหม่',
  createHint: 'สร้างเป็นแผ่นงานใหม่เสมอ ไม่เขียนทับข้อมูลเดิม',
  templateLabel: 'แบบฟอร์ม',
  createButton: 'สร้างแผ่นงาน',
  created: 'สร้างแผ่นงาน "{name}" แล้ว',
  catalogueTitle: 'แค็ตตาล็อกฉบับ ITA (ไฟล์ JSON)',
  catalogueHint: 'ไฟล์ที่จังหวัดหรือหน่วยงานกลางแจ้ง เพื่อเพิ่มหรือแก้ไขฉบับ ITA (เช่น ITA 2570) เก็บไว้ในไฟล์ Excel นี้',
  catalogueLoad: 'โหลดไฟล์แค็ตตาล็อก',
  catalogueSaved: 'บันทึกแค็ตตาล็อกลงในไฟล์แล้ว:',
  noAgencyForCreate: 'ยังไม่ได้บันทึกข้อมูลหน่วยงาน คอลัมน์หน่วยงานจะว่างไว้ (บันทึกได้ที่แท็บ "หน่วยงาน")',

  agencyTitle: 'ข้อมูลหน่วยงาน',
  agencyHint:
    'ใช้กรอกคอลัมน์หน่วยงาน (ปีงบประมาณ ประเภทหน่วยงาน กระทรวง ชื่อหน่วยงาน อำเภอ จังหวัด) ให้ทุกแถว และเก็บไว้ในไฟล์นี้',
  agencyName: 'ชื่อหน่วยงาน',
  agencyDistrict: 'อำเภอ',
  agencyProvince: 'จังหวัด',
  agencyMinistry: 'กระทรวง',
  agencyType: 'ประเภทหน่วยงาน',
  agencyFiscalYear: 'ปีงบประมาณ (พ.ศ.)',
  agencyWebsite: 'เว็บไซต์หลักของหน่วยงาน',
  agencyNamePlaceholder: 'เช่น เทศบาลตำบลชุมพล',
  agencyFiscalYearPlaceholder: 'เช่น 2567',
  chooseOption: 'เลือก…',
  saveAgency: 'บันทึกข้อมูลหน่วยงาน',
  agencySaved: 'บันทึกข้อมูลหน่วยงานลงในไฟล์แล้ว',

  needTemplate: 'แผ่นงานนี้ยังไม่ใช่แบบฟอร์ม ITA: เปิดแผ่นงานแบบฟอร์ม หรือสร้างใหม่ที่แท็บ "แบบฟอร์ม"',
  formAddTitle: 'เพิ่มรายการใหม่',
  formEditTitle: 'แก้ไขแถวที่ {row}',
  formHint: 'ช่องที่มีเครื่องหมาย * ต้องกรอก กด Enter ในช่องบรรทัดเดียวเพื่อบันทึก (ช่องข้อความยาว Enter ขึ้นบรรทัดใหม่)',
  addRecord: 'เพิ่มรายการ',
  editSelected: 'แก้ไขแถวที่เลือก',
  reviewChanges: 'ตรวจดูการเปลี่ยนแปลง',
  clearForm: 'ล้างฟอร์ม',
  rowWritten: 'บันทึกลงแถวที่ {row} ของแผ่นงาน "{sheet}" แล้ว',
  rowWrittenInserted:
    'บันทึกลงแถวที่ {row} ของแผ่นงาน "{sheet}" แล้ว (แทรกแถวใหม่เหนือหมายเหตุใต้รายการ แถวด้านล่างเลื่อนลง 1 แถว หมายเหตุอยู่ที่แถว {next})',
  required: 'ต้องกรอกช่องนี้',
  fieldsNeedAttention: 'ยังมี {n} ช่องที่ต้องแก้ไขก่อนบันทึก',
  derivedHint: 'คำนวณจากคะแนนให้เอง ไม่ต้องกรอก',
  derivedEmpty: '(กรอกคะแนนแล้วจะคำนวณให้)',
  statusDerivedHint: 'เว้นว่างได้: จะกำหนดสถานะจากวันที่ลงนามและวันสิ้นสุดสัญญาให้',
  readAs: 'อ่านได้เป็น {value}',
  noSelection: 'ยังไม่ได้เลือกเซลล์ในแผ่นงาน',
  selectionOtherSheet: 'เซลล์ที่เลือกอยู่ในแผ่นงาน "{sheet}" ไม่ใช่แผ่นงานนี้',
  selectDataRow: 'กรุณาเลือกเซลล์ในแถวข้อมูลใต้หัวตาราง (ตั้งแต่แถวที่ {row})',
  editConfirmTitle: 'จะเปลี่ยน {n} เซลล์ในแถวที่ {row}',
  editConfirmHint: 'ตรวจดูให้แน่ใจก่อนบันทึก: Excel เลิกทำ (Undo) การแก้ไขของ add-in ไม่ได้',
  noChanges: 'ไม่มีค่าใดเปลี่ยน',
  confirmWrite: 'ยืนยันบันทึก',
  editApplied: 'บันทึกการแก้ไขแล้ว {applied} เซลล์',
  skippedChanged: 'ข้าม {n} เซลล์ เพราะค่าในเซลล์เปลี่ยนไปหลังจากที่ตรวจ: ตรวจอีกครั้งแล้วลองใหม่',
  noAgencyForForm: 'ยังไม่ได้บันทึกข้อมูลหน่วยงาน คอลัมน์หน่วยงานจะว่าง (บันทึกได้ที่แท็บ "หน่วยงาน")',
  formMonthlyTarget: 'จะบันทึกลงตารางเดือน {month} (เดือนที่ลงนามสัญญา)',
  formMonthlyNeedDate:
    'ระบุวันที่ของสัญญาในช่อง "{field}" (เช่น สัญญาเลขที่ 12/2569 ลงวันที่ 15 ม.ค. 2569) แล้วรายการจะลงตารางของเดือนนั้น',
  formMonthlyEditing: 'แถวนี้อยู่ในตารางเดือน {month}',
  monthlyRowWritten: 'บันทึกลงตารางเดือน {month} แผ่นงาน "{sheet}" แถวที่ {row} แล้ว',
  monthlyRowInserted:
    '(ตารางเดือนนี้ไม่มีแถวว่าง จึงแทรกแถวใหม่: สิ่งที่เคยอยู่แถวนี้และด้านล่างเลื่อนลง 1 แถว เริ่มที่แถว {next})',
  monthlyRowNewTable: '(ยังไม่มีตารางของเดือนนี้ จึงเพิ่มตารางใหม่พร้อมชื่อเดือนและหัวตารางใต้ข้อมูลสุดท้ายของแผ่นงาน)',
  monthlyNotRecord: 'แถว {row} ไม่ใช่รายการในตารางรายเดือน (เป็นชื่อเดือน หัวตาราง หรือแถวว่าง): เลือกเซลล์ในแถวของรายการ',

  recheck: 'ตรวจอีกครั้ง',
  checking: 'กำลังตรวจ…',
  ready: 'พร้อมเผยแพร่',
  notReady: 'ยังไม่พร้อม',
  errorsCount: 'ข้อผิดพลาด {n}',
  warningsCount: 'คำเตือน {n}',
  recordsCount: '{n} รายการ',
  rowsCount: '{n} แถว',
  verdictTitle: 'ผลการตรวจแผ่นงาน "{sheet}"',
  checkedAt: 'ตรวจล่าสุดเวลา {time}',
  autoRecheck: 'ตรวจใหม่ให้อัตโนมัติเมื่อมีการแก้ไขแผ่นงาน',
  noEvents:
    'Excel รุ่นนี้แจ้งการแก้ไขให้ add-in ไม่ได้ ผลนี้อาจไม่เป็นปัจจุบันหลังแก้ไขในแผ่นงาน: จะตรวจใหม่เมื่อกลับมาที่หน้าต่างนี้ หรือกด "ตรวจอีกครั้ง"',
  errorsOnly: 'เฉพาะข้อผิดพลาด',
  relatedTitle: 'แผ่นงานที่เกี่ยวข้อง',
  relatedHint: 'ปัญหาในแผ่นงานที่แบบนี้อ้างถึง แสดงไว้ให้ทราบ ไม่นับในผลของแผ่นงานนี้',
  relatedNotCounted: 'แผ่นงานที่เกี่ยวข้องมีอีก {n} รายการที่ต้องตรวจสอบ (ไม่นับรวม ดูด้านล่าง)',
  openTemplateTab: 'สร้างหรือกำหนดแบบฟอร์ม',
  tryAgain: 'ลองอีกครั้ง',
  changeLabel: '{cell}: {from} เป็น {to}',
  completenessTitle: 'ความครบถ้วนรายคอลัมน์',
  figuresTitle: 'ผลที่คำนวณจากแผ่นงาน',
  issuesTitle: 'รายการที่ต้องตรวจสอบ',
  rowLabel: 'แถวที่ {row}',
  sheetLevel: 'ทั้งแผ่นงาน',
  noIssues: 'ไม่พบปัญหา',
  severityError: 'ข้อผิดพลาด',
  severityWarning: 'คำเตือน',
  goToCell: 'ไปที่เซลล์ {cell}',
  highlight: 'ระบายสีเซลล์ที่มีปัญหา',
  clearHighlights: 'ล้างสีที่ระบาย',
  highlighted: 'ระบายสี {n} เซลล์แล้ว (แดง = ข้อผิดพลาด, เหลือง = คำเตือน)',
  highlightsCleared: 'ล้างสีที่ add-in ระบายไว้แล้ว',
  showingFirst: 'แสดง {shown} จาก {total} รายการ',
  showMore: 'แสดงเพิ่ม',
  otherSheet: 'แผ่นงาน "{sheet}"',

  fixTitle: 'แก้ไขอัตโนมัติ ({n})',
  fixHint: 'เลือกเซลล์ที่จะแก้ แล้วกดแก้ไข ระบบจะแก้เฉพาะเซลล์ที่เลือกและยังมีค่าเดิมอยู่เท่านั้น',
  fixNone: 'ไม่มีรายการที่แก้ไขอัตโนมัติได้',
  fixFrom: 'ค่าเดิม',
  fixTo: 'ค่าใหม่',
  selectAll: 'เลือกทั้งหมด',
  selectNone: 'ไม่เลือกเลย',
  applyChecked: 'แก้ไข {n} เซลล์ที่เลือก',
  confirmFixTitle: 'ยืนยันการแก้ไข',
  confirmFixBody: 'จะเขียนค่าใหม่ลง {n} เซลล์ในแผ่นงาน "{sheet}" Excel เลิกทำ (Undo) การแก้ไขของ add-in ไม่ได้',
  confirmFix: 'ยืนยันแก้ไข',
  fixResult: 'แก้ไขแล้ว {applied} เซลล์ ข้าม {skipped} เซลล์',
  fixSelectedCount: 'เลือกแล้ว {n} จาก {total} เซลล์',

  summaryTitle: 'สรุปจำนวนและงบประมาณตามวิธีการจัดซื้อจัดจ้าง',
  summaryHint:
    'สร้างหรือปรับปรุงแผ่นงานสรุปจากรายการในแผ่นงานนี้ (ไม่นับรายการที่ยกเลิก) สูตรในแผ่นงานสรุปจะคำนวณใหม่เมื่อเพิ่มรายการ',
  summaryGroup: 'วิธีการ',
  summaryCount: 'จำนวน',
  summaryAmount: 'บาท',
  writeSummary: 'สร้าง/ปรับปรุงแผ่นงานสรุป',
  summaryWritten: 'เขียนสรุปลงแผ่นงาน "{name}" แล้ว',
  summaryUngrouped: '{n} รายการไม่ได้นับ เพราะวิธีการจัดซื้อจัดจ้างว่างหรือไม่ตรงกับรายการ',

  importTitle: 'นำเข้าข้อมูลจัดซื้อจัดจ้าง',
  loadingPage: 'กำลังโหลด…',
  partUnavailable:
    'โหลดส่วนประกอบของ add-in ไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้): กด "อ่านแผ่นงานอีกครั้ง" เมื่อเชื่อมต่อได้',
  languageUnavailable: 'โหลดภาษาอังกฤษไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้) จึงแสดงเป็นภาษาไทย ลองกดเปลี่ยนภาษาอีกครั้งเมื่อเชื่อมต่อได้',
  pageUnavailable: 'โหลดหน้านี้ไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้): กด "ลองอีกครั้ง" เมื่อเชื่อมต่อได้',
  importUnavailable:
    'โหลดหน้านำเข้าไม่สำเร็จ (เชื่อมต่อเซิร์ฟเวอร์ของ add-in ไม่ได้): กด "ลองอีกครั้ง" เมื่อเชื่อมต่อได้ หรือใช้คำสั่ง ita-forms import',
  importHint:
    'อ่านไฟล์ข้อมูล e-GP (CSV หรือ JSON จาก data.go.th) หรือแบบ สขร.1 (.xlsx) แล้วเพิ่มเป็นรายการในแบบการจัดซื้อจัดจ้าง (O11/O12 รายเดือนของ ITA 2569, O12/O13 ของ ITA 2568, o16/o17 ของ ITA 2567) ไฟล์ถูกอ่านในเครื่องนี้เท่านั้น ไม่ถูกส่งไปที่ใด',
  importFileLabel: 'ไฟล์ข้อมูลที่จะนำเข้า',
  importChooseFile: 'เลือกไฟล์…',
  importChooseOther: 'เลือกไฟล์อื่น…',
  importNoFile: 'ยังไม่ได้เลือกไฟล์ (.csv, .json, .xlsx)',
  importReading: 'กำลังอ่านไฟล์…',
  importTooLarge:
    'ไฟล์ใหญ่เกินกว่าจะอ่านในหน้าต่างนี้ ({mb} MB): ใช้คำสั่ง ita-forms import ซึ่งอ่านไฟล์ทีละส่วน หรือกรองเฉพาะหน่วยงานก่อน',
  importSourceEgp: 'ข้อมูล e-GP {variant} ({format}, {encoding}) — {n} รายการ',
  importVariantBulk: 'ชุดข้อมูลเต็ม',
  importVariantApi: 'แบบ API',
  importVariantMixed: 'หัวคอลัมน์ผสมสองแบบ',
  importEncodingTis: 'Windows-874 (TIS-620)',
  importEncodingUtf8Bom: 'UTF-8 มี BOM',
  importEncodingUtf8: 'UTF-8',
  importSourceWorkbook: 'สมุดงาน Excel — {n} รายการ',
  importSheetMonthly: 'แผ่นงาน "{sheet}": แบบ สขร.1 เดือน {month} — {n} รายการ',
  importSheetMonthlyNone: 'แผ่นงาน "{sheet}": แบบ สขร.1 เดือน {month} — ระบุว่าไม่มีการจัดซื้อจัดจ้าง',
  importSheetTemplate: 'แผ่นงาน "{sheet}": แบบ {item} — {n} รายการ',
  importSheetIgnored: 'ข้ามแผ่นงาน "{sheet}": {reason}',
  importMonthUnknown: 'ไม่ทราบเดือน',

  importTarget: 'นำเข้าลงใน',
  importTargetThis: 'แผ่นงานนี้ "{sheet}"',
  importTargetNew: 'แผ่นงานใหม่',
  importTargetNotList:
    'แผ่นงานที่เปิดอยู่ไม่ใช่แบบการจัดซื้อจัดจ้างที่นำเข้าได้ (O11/O12 ของ ITA 2569, O12/O13 ของ ITA 2568, o16/o17 ของ ITA 2567): จะสร้างแผ่นงานใหม่ให้เมื่อยืนยันนำเข้า (หรือเปิดแผ่นงานนั้นที่มีอยู่แล้วกด "อ่านแผ่นงานอีกครั้ง")',
  importNewTemplate: 'แบบของแผ่นงานใหม่',
  importFiscalYear: 'ปีงบประมาณที่ประเมิน (พ.ศ.)',
  importFiscalYearNeeded: 'ระบุปีงบประมาณที่ประเมิน เช่น 2567',
  importUnit: 'หน่วยงาน (ชื่อที่มีในไฟล์)',
  importUnitPlaceholder: 'เลือกหน่วยงาน…',
  importUnitOption: '{name} ({n} รายการ)',
  importAsOf: 'สถานะ ณ วันที่',
  importAsOfHint: 'เว้นว่าง = วันสิ้นสุดช่วงของแบบ หรือวันนี้ถ้ายังไม่ถึง (ใช้อยู่: {date})',
  importAsOfPlaceholder: 'เช่น 31 มี.ค. 2567',
  importBudgetSource: 'แหล่งที่มาของงบประมาณ (สำหรับรายการที่ไฟล์ไม่ระบุ)',
  importBudgetSourceNone: 'ไม่ระบุ (กรอกเองภายหลัง)',

  importPreviewTitle: 'ตัวอย่างก่อนนำเข้า',
  importPlanning: 'กำลังเตรียมตัวอย่าง…',
  importCounts: 'อ่านได้ {read} รายการ · ของหน่วยงาน {matched} · อยู่ในช่วงของแบบ ({window}) {inWindow}{outside}',
  importOutside: ' · นอกช่วง {n}',
  importWillWrite: 'จะเพิ่ม {n} แถวใหม่ลงแผ่นงาน "{sheet}" แถว {from}–{to} โดยไม่แก้ไขแถวเดิม',
  importWillWriteNew: 'จะสร้างแผ่นงานใหม่ "{sheet}" แล้วเพิ่ม {n} แถว (แถว {from}–{to})',
  importNothingNew: 'ไม่มีรายการใหม่ที่จะนำเข้า',
  importNoRows: 'ไม่พบรายการของหน่วยงานนี้ในช่วงของแบบ ({window}): ตรวจดูปีงบประมาณ หน่วยงาน และไฟล์ที่เลือก',
  importNeedsUnit: 'ไฟล์นี้มีข้อมูลหลายหน่วยงาน: เลือกหน่วยงานของท่านด้านบน',
  importUnitNotFound: 'ไม่พบข้อมูลของหน่วยงาน "{unit}" ในไฟล์: เลือกชื่อหน่วยงานจากรายการด้านบน',
  importWillShift:
    'แถว {from} ลงไป (เช่น หมายเหตุหรือช่องลงชื่อใต้รายการ) จะเลื่อนลง {by} แถว: แทรกแถวใหม่เหนือแถว {from} ไม่เขียนทับข้อความเดิม',
  importShifted: 'แถวเดิมตั้งแต่แถว {from} ลงไปเลื่อนลง {by} แถว (ตอนนี้เริ่มที่แถว {now})',
  importMissingColumns: 'แผ่นงานนี้ไม่มีคอลัมน์ {cols} จึงไม่ได้ใส่ค่าของคอลัมน์เหล่านี้',
  importStatesNone: 'แผ่นงานนี้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง": เมื่อนำเข้าแล้วให้ลบข้อความนั้นออก',
  importRowsTitle: 'รายการที่จะนำเข้า ({n})',
  importColRow: 'แถว',
  importColProject: 'โครงการ / ผู้ได้รับการคัดเลือก',
  importColPrice: 'ราคาที่ตกลง (บาท)',
  importColDateStatus: 'ลงนาม / สถานะ',
  importSkippedTitle: 'นำเข้าไม่ได้ {n} รายการ (แก้ข้อมูลต้นทางหรือกรอกเอง)',
  importDuplicatesTitle: 'ซ้ำกับที่มีอยู่แล้ว จึงไม่นำเข้าซ้ำ {n} รายการ',
  importDuplicateOfRow: 'ซ้ำกับแถว {row} ของแผ่นงาน',
  importDuplicateOf: 'ซ้ำกับ{origin}',
  importConflictsTitle: 'ข้อมูลไม่ตรงกับแถวที่มีอยู่ {n} รายการ — ไม่ได้แก้แถวเดิม ให้ตรวจสอบแล้วแก้เองถ้าข้อมูลใหม่ถูกต้อง',
  importConflictRow: 'แถว {row} ของแผ่นงาน กับ{origin}',
  importConflictDiff: '{header}: เดิม {existing} / ใหม่ {incoming}',
  importPdpaTitle: 'ข้อมูลส่วนบุคคล (PDPA): {n} แถวใช้เลขประจำตัวประชาชนของบุคคล',
  importPdpaHint: 'เก็บเลขเต็มไว้ใช้งานได้ แต่ก่อนเผยแพร่บนเว็บไซต์ต้องปิดบังเลข 4 หลักท้าย',
  importPdpaRow: 'แถว {row}: {masked}',
  importCheckSummary: 'ผลการตรวจรายการที่จะนำเข้า: ข้อผิดพลาด {errors} คำเตือน {warnings}',
  importBudgetSourceHint: 'ไฟล์ไม่มีแหล่งที่มาของงบประมาณ: เลือกด้านบน หรือกรอกเองหลังนำเข้า',
  importO17Summary: 'หลังนำเข้า ปรับปรุงแผ่นงานสรุปได้ที่แท็บ "สรุป"',
  importButton: 'นำเข้า {n} แถว',
  importConfirmTitle: 'ยืนยันการนำเข้า',
  importConfirmBody:
    'จะเขียน {n} แถวใหม่ลงแผ่นงาน "{sheet}" แถว {from}–{to} เฉพาะแถวที่ว่างอยู่หรือแถวที่แทรกใหม่ Excel เลิกทำ (Undo) การเขียนของ add-in ไม่ได้',
  importConfirm: 'ยืนยันนำเข้า',
  importWritten: 'นำเข้า {n} แถวลงแผ่นงาน "{sheet}" แถว {from}–{to} แล้ว',
  importCheckedAfter: 'ตรวจแผ่นงานหลังนำเข้า: ข้อผิดพลาด {errors} คำเตือน {warnings}',
  importShowCheck: 'ดูผลการตรวจ',
  importChanged: 'แผ่นงานเปลี่ยนไปหลังจากแสดงตัวอย่าง จึงยังไม่ได้เขียน: ตรวจดูตัวอย่างใหม่แล้วกดนำเข้าอีกครั้ง',
  importMonthlyWillWrite: 'จะลง {n} สัญญา แต่ละสัญญาในตารางของเดือนที่ลงนาม เฉพาะแถวว่าง:',
  importMonthlyMonth: '{month}: {n} รายการ → แผ่นงาน "{sheet}" แถว {from}–{to}',
  importMonthlyInsert:
    'ตารางเดือนนี้มีแถวว่างไม่พอ: จะแทรก {n} แถวเหนือแถว {at} ทุกอย่างตั้งแต่แถว {at} ลงไป (เช่น ชื่อตารางเดือนถัดไป) เลื่อนลง {n} แถว',
  importMonthlyNewTable:
    'ยังไม่มีตารางของเดือนนี้ในสมุดงาน: จะเพิ่มตารางใหม่ (ชื่อเดือนและหัวตาราง) ที่แถว {at} ใต้ข้อมูลสุดท้ายของแผ่นงาน',
  importMonthlyStatesNone: 'ตารางเดือนนี้ระบุว่า "ไม่มีการจัดซื้อจัดจ้าง" อยู่: ลบข้อความนั้นออกหลังนำเข้า',
  importMonthlyDuplicatesTitle: 'มีอยู่แล้วในตารางรายเดือน จึงไม่นำเข้าซ้ำ {n} รายการ',
  importMonthlyDuplicateAt: 'มีแล้วที่แผ่นงาน "{sheet}" แถว {row}',
  importMonthlyNotContracted: 'ยังไม่มีสัญญา (ยังไม่ได้ลงนามหรือยกเลิก) จึงไม่ลงในสรุปผลรายเดือน {n} รายการ',
  importMonthlyToFill:
    'ข้อมูล e-GP ไม่มีรายชื่อผู้เสนอราคาและเหตุผลที่คัดเลือก: กรอกเองหลังนำเข้า เดือนที่ไม่มีรายการให้กรอกรายการที่ขาด หรือระบุว่า "ไม่มีการจัดซื้อจัดจ้าง"',
  importMonthlyButton: 'นำเข้า {n} สัญญา',
  importMonthlyConfirmBody: 'จะเขียน {n} สัญญาลงตาราง {months} เดือนตามรายการด้านบน เฉพาะแถวว่าง',
  importMonthlyConfirmInserts: 'และแทรกแถวใหม่ {n} แถว (สิ่งที่อยู่ด้านล่างเลื่อนลง ตามที่บอกไว้ในแต่ละเดือน)',
  importMonthlyWritten: 'นำเข้า {n} สัญญาลงตารางรายเดือน {months} เดือนแล้ว',
  showingRows: 'แสดง {shown} จาก {total} แถว',

  errorTitle: 'ทำรายการไม่สำเร็จ',
  unexpectedError: 'เกิดข้อผิดพลาดที่ไม่คาดคิด: {msg}',
  notInExcel: 'หน้านี้เปิดอยู่นอก Excel',
  loadingOffice: 'กำลังเชื่อมต่อกับ Excel (โหลด Office.js)…',
  officeFailed: 'โหลด Office.js ไม่ได้ จึงยังทำงานกับสมุดงานนี้ไม่ได้',
  officeFailedHint:
    'ตรวจดูว่าเครื่องนี้เชื่อมต่ออินเทอร์เน็ตได้ และพร็อกซีหรือไฟร์วอลล์ของหน่วยงานอนุญาตให้เข้าถึง appsforoffice.microsoft.com แล้วปิดและเปิดหน้าต่าง add-in นี้ใหม่',
  reloadPane: 'โหลดหน้าต่างนี้ใหม่',
  pickItem: 'รายการในแผ่นงาน',
  previousItem: 'ก่อนหน้า',
  nextItem: 'ถัดไป',
  itemPosition: 'รายการที่ {n} จาก {total}',
  newItem: 'เพิ่มรายการใหม่',
  rowIssuesTitle: 'ปัญหาของแถวนี้ตามการตรวจ ({n})',
  editSelectedHint: 'แก้ไขแถวที่มีอยู่: คลิกเซลล์ใดก็ได้ในแถวนั้นในแผ่นงาน แล้วกด "แก้ไขแถวที่เลือก"',
  notInExcelHint: 'เพิ่ม add-in นี้ใน Excel (แทรก > Add-in) หรือดูตัวอย่างการทำงานที่หน้า preview.html',
  openPreview: 'เปิดหน้าตัวอย่าง',
  paneCrashed: 'หน้าต่างนี้ทำงานผิดพลาด กรุณาปิดแล้วเปิดใหม่',
} as const satisfies Record<string, string>;

export type StringKey = keyof typeof TH;

/** What the pane may have to say before it can fetch its English strings (e.g. offline). */
const EN_AT_START = {
  notInExcel: 'This page is open outside Excel',
  loadingOffice: 'Connecting to Excel (loading Office.js)…',
  officeFailed: 'Office.js could not be loaded, so the add-in cannot work with this workbook yet',
  officeFailedHint:
    'Check that this computer is online and that your proxy or firewall allows appsforoffice.microsoft.com, then close and reopen this add-in pane',
  reloadPane: 'Reload this pane',
  notInExcelHint: 'Add this add-in in Excel (Insert > Add-ins), or try it on preview.html',
  openPreview: 'Open the preview',
} as const satisfies Partial<Record<StringKey, string>>;

/** The keys of the English chunk: all but those already in EN_AT_START. */
export type FetchedKey = Exclude<StringKey, keyof typeof EN_AT_START>;

let english: Readonly<Record<FetchedKey, string>> | undefined;

/** Whether `translate` can answer in `lang` now. */
export function languageReady(lang: Lang): boolean {
  return lang === 'th' || english !== undefined;
}

/**
 * Makes `lang` ready: fetches the English strings once (a failed fetch rejects and is tried again
 * on the next call).
 */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (languageReady(lang)) return;
  english = (await import(/* webpackChunkName: "strings-en" */ './i18nEn')).EN;
}

function lookup(lang: Lang, key: StringKey): string {
  if (lang === 'en') {
    if (key in EN_AT_START) return EN_AT_START[key as keyof typeof EN_AT_START];
    // Until the English strings arrive (the pane waits for them before it switches), Thai.
    if (english) return english[key as FetchedKey];
  }
  return TH[key];
}

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
  const s = lookup(lang, key);
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
