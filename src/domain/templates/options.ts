/**
 * Drop-down lists as data, with the wordings real files use for the same thing.
 * Best-known values (DOMAIN.md): correct them here, in one place.
 */
import type { OptionList } from '../values/options';

export const STATUS_IN_CONTRACT = 'อยู่ระหว่างระยะสัญญา';
export const STATUS_ENDED = 'สิ้นสุดระยะสัญญา';
export const STATUS_NOT_SIGNED = 'ยังไม่ได้ลงนามในสัญญา';
export const STATUS_CANCELLED = 'ยกเลิกการดำเนินการ';

const procurementStatus: OptionList = {
  id: 'procurementStatus',
  options: [
    { value: STATUS_IN_CONTRACT, synonyms: ['อยู่ระหว่างสัญญา', 'อยู่ระหว่างดำเนินการ', 'อยู่ในระยะสัญญา'] },
    { value: STATUS_ENDED, synonyms: ['สิ้นสุดสัญญา', 'สิ้นสุดระยะเวลาสัญญา', 'ดำเนินการแล้วเสร็จ', 'แล้วเสร็จ'] },
    { value: STATUS_NOT_SIGNED, synonyms: ['ยังไม่ลงนามในสัญญา', 'ยังไม่ได้ลงนามสัญญา', 'ยังไม่ลงนามสัญญา'] },
    { value: STATUS_CANCELLED, synonyms: ['ยกเลิก', 'ยกเลิกโครงการ', 'ยกเลิกการจัดซื้อจัดจ้าง'] },
  ],
  // A contract signed, delivered or accepted: running or ended, as its dates say (the check offers that).
  ambiguous: [
    { text: 'ลงนามในสัญญาแล้ว', choices: [STATUS_IN_CONTRACT, STATUS_ENDED] },
    { text: 'ลงนามสัญญาแล้ว', choices: [STATUS_IN_CONTRACT, STATUS_ENDED] },
    { text: 'ทำสัญญาแล้ว', choices: [STATUS_IN_CONTRACT, STATUS_ENDED] },
    { text: 'ส่งมอบงานแล้ว', choices: [STATUS_ENDED, STATUS_IN_CONTRACT] },
    { text: 'ส่งมอบแล้ว', choices: [STATUS_ENDED, STATUS_IN_CONTRACT] },
    { text: 'ตรวจรับแล้ว', choices: [STATUS_ENDED, STATUS_IN_CONTRACT] },
    { text: 'ตรวจรับงานแล้ว', choices: [STATUS_ENDED, STATUS_IN_CONTRACT] },
    { text: 'ตรวจรับพัสดุแล้ว', choices: [STATUS_ENDED, STATUS_IN_CONTRACT] },
  ],
};

const METHOD_EBIDDING = 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)';
const METHOD_EMARKET = 'วิธีตลาดอิเล็กทรอนิกส์ (e-market)';
const METHOD_PRICE_INQUIRY = 'วิธีสอบราคา';
const METHOD_SELECTION = 'วิธีคัดเลือก';
const METHOD_SPECIFIC = 'วิธีเฉพาะเจาะจง';

const CONSULT_GENERAL = 'จ้างที่ปรึกษาโดยวิธีประกาศเชิญชวนทั่วไป';
const CONSULT_SELECTION = 'จ้างที่ปรึกษาโดยวิธีคัดเลือก';
const CONSULT_SPECIFIC = 'จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง';
const DESIGN_GENERAL = 'จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกาศเชิญชวนทั่วไป';
const DESIGN_SELECTION = 'จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีคัดเลือก';
const DESIGN_SPECIFIC = 'จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีเฉพาะเจาะจง';
const DESIGN_CONTEST = 'จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกวดแบบ';

/** The three families of พ.ร.บ. 2560 and the methods each one groups (o17's summary rows). */
export const METHODS_GENERAL = [METHOD_EBIDDING, METHOD_EMARKET, METHOD_PRICE_INQUIRY, CONSULT_GENERAL, DESIGN_GENERAL, DESIGN_CONTEST];
export const METHODS_SELECTION = [METHOD_SELECTION, CONSULT_SELECTION, DESIGN_SELECTION];
export const METHODS_SPECIFIC = [METHOD_SPECIFIC, CONSULT_SPECIFIC, DESIGN_SPECIFIC];

const procurementMethod: OptionList = {
  id: 'procurementMethod',
  options: [
    {
      value: METHOD_EBIDDING,
      synonyms: [
        'วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'ประกวดราคาอิเล็กทรอนิกส์', 'วิธีประกวดราคาอิเล็กทรอนิกส์', 'e-bidding', 'ebidding', 'e-bid', 'ประกวดราคา', 'วิธีประกวดราคา',
        'ประกวดราคาด้วยวิธีการทางอิเล็กทรอนิกส์ (e-bidding)', 'ประกวดราคาด้วยวิธีการทางอิเล็กทรอนิกส์', 'วิธีประกวดราคาด้วยวิธีการทางอิเล็กทรอนิกส์',
        'วิธีการประกวดราคาอิเล็กทรอนิกส์', 'ประกวดราคาอิเล็กทรอนิกส์ (e-Bidding)',
      ],
    },
    {
      value: METHOD_EMARKET,
      synonyms: [
        'ตลาดอิเล็กทรอนิกส์ (e-market)', 'ตลาดอิเล็กทรอนิกส์', 'วิธีตลาดอิเล็กทรอนิกส์', 'e-market', 'emarket',
        'วิธีการตลาดอิเล็กทรอนิกส์', 'ซื้อหรือจ้างด้วยวิธีการทางอิเล็กทรอนิกส์ (e-market)', 'วิธีตลาดอิเล็กทรอนิกส์ (e-market)',
      ],
    },
    { value: METHOD_PRICE_INQUIRY, synonyms: ['สอบราคา', 'วิธีการสอบราคา'] },
    { value: METHOD_SELECTION, synonyms: ['คัดเลือก', 'วิธีการคัดเลือก'] },
    { value: METHOD_SPECIFIC, synonyms: ['เฉพาะเจาะจง', 'วิธีเฉพาะเจาะจ', 'เฉพาะเจาะจงตามมาตรา 56', 'วิธีการเฉพาะเจาะจง', 'โดยวิธีเฉพาะเจาะจง'] },
    { value: CONSULT_GENERAL, synonyms: ['จ้างที่ปรึกษาวิธีประกาศเชิญชวนทั่วไป'] },
    { value: CONSULT_SELECTION, synonyms: ['จ้างที่ปรึกษาวิธีคัดเลือก'] },
    { value: CONSULT_SPECIFIC, synonyms: ['จ้างที่ปรึกษาวิธีเฉพาะเจาะจง'] },
    { value: DESIGN_GENERAL, synonyms: ['จ้างออกแบบหรือควบคุมงานก่อสร้างวิธีประกาศเชิญชวนทั่วไป'] },
    { value: DESIGN_SELECTION, synonyms: ['จ้างออกแบบหรือควบคุมงานก่อสร้างวิธีคัดเลือก'] },
    { value: DESIGN_SPECIFIC, synonyms: ['จ้างออกแบบหรือควบคุมงานก่อสร้างวิธีเฉพาะเจาะจง'] },
    { value: DESIGN_CONTEST, synonyms: ['ประกวดแบบ', 'วิธีประกวดแบบ'] },
  ],
  // Names that say which family but not which method: the officer must choose.
  ambiguous: [
    { text: 'ตกลงราคา', choices: [METHOD_SPECIFIC] },
    { text: 'วิธีตกลงราคา', choices: [METHOD_SPECIFIC] },
    { text: 'พิเศษ', choices: [METHOD_SELECTION, METHOD_SPECIFIC] },
    { text: 'วิธีพิเศษ', choices: [METHOD_SELECTION, METHOD_SPECIFIC] },
    { text: 'งานจ้างที่ปรึกษา', choices: [CONSULT_GENERAL, CONSULT_SELECTION, CONSULT_SPECIFIC] },
    { text: 'งานจ้างออกแบบและควบคุมงาน', choices: [DESIGN_GENERAL, DESIGN_SELECTION, DESIGN_SPECIFIC, DESIGN_CONTEST] },
    { text: 'วิธีประกาศเชิญชวนทั่วไป', choices: [METHOD_EBIDDING, METHOD_EMARKET, METHOD_PRICE_INQUIRY] },
    { text: 'ประกาศเชิญชวนทั่วไป', choices: [METHOD_EBIDDING, METHOD_EMARKET, METHOD_PRICE_INQUIRY] },
  ],
  // The legal ground after the method ("วิธีเฉพาะเจาะจง ม.56(2)(ข)", "… ตามมาตรา 56 วรรคหนึ่ง (2) (ข)").
  suffixes: ['(?:ตาม)?\\s*(?:ม\\.|มาตรา)\\s*5[56].*'],
};

const budgetSource: OptionList = {
  id: 'budgetSource',
  options: [
    { value: 'พ.ร.บ. งบประมาณรายจ่าย', synonyms: ['พรบ.งบประมาณรายจ่าย', 'พ.ร.บ.งบประมาณรายจ่ายประจำปี', 'งบประมาณรายจ่ายประจำปี', 'งบประมาณแผ่นดิน', 'เงินงบประมาณ'] },
    { value: 'เงินนอกงบประมาณ', synonyms: ['นอกงบประมาณ'] },
    {
      value: 'เทศบัญญัติ/ข้อบัญญัติงบประมาณรายจ่าย',
      synonyms: ['เทศบัญญัติงบประมาณรายจ่าย', 'ข้อบัญญัติงบประมาณรายจ่าย', 'เทศบัญญัติ', 'ข้อบัญญัติ', 'เทศบัญญัติงบประมาณรายจ่ายประจำปี', 'ข้อบัญญัติงบประมาณรายจ่ายประจำปี'],
    },
    { value: 'เงินสะสม', synonyms: ['จ่ายขาดเงินสะสม', 'เงินสะสม (จ่ายขาด)'] },
    { value: 'เงินอุดหนุน', synonyms: ['เงินอุดหนุนเฉพาะกิจ', 'เงินอุดหนุนทั่วไป'] },
    { value: 'เงินกู้', synonyms: [] },
    { value: 'อื่น ๆ', synonyms: ['อื่นๆ'] },
  ],
  // The year the budget act is for ("เทศบัญญัติงบประมาณรายจ่ายประจำปี 2567", "… พ.ศ. ๒๕๖๗").
  suffixes: ['(?:ประจำ)?\\s*(?:ปี)?\\s*(?:งบประมาณ)?\\s*(?:พ\\.?\\s*ศ\\.?)?\\s*[0-9๐-๙]{4}'],
};

const agencyType: OptionList = {
  id: 'agencyType',
  options: [
    { value: 'ราชการส่วนกลาง' },
    { value: 'ราชการส่วนภูมิภาค' },
    { value: 'องค์กรปกครองส่วนท้องถิ่น', synonyms: ['อปท.', 'อปท', 'ราชการส่วนท้องถิ่น'] },
    { value: 'รัฐวิสาหกิจ' },
    { value: 'องค์การมหาชน' },
    { value: 'องค์กรอิสระ' },
    { value: 'องค์กรตามรัฐธรรมนูญ' },
    { value: 'หน่วยธุรการของศาล' },
    { value: 'มหาวิทยาลัยในกำกับ' },
    { value: 'หน่วยงานสังกัดรัฐสภา' },
    { value: 'หน่วยงานอิสระของรัฐ' },
    { value: 'อื่น ๆ', synonyms: ['อื่นๆ'] },
  ],
};

export const PROCUREMENT_OPTION_LISTS: readonly OptionList[] = [procurementStatus, procurementMethod, budgetSource, agencyType];

/** วิธีเฉพาะเจาะจง is normally for amounts up to this (ม.56(2)(ข)); above it only on other grounds. */
export const SPECIFIC_METHOD_LIMIT = 500_000;

/**
 * o14 lists the capital budget (งบลงทุน: ครุภัณฑ์, ที่ดินและสิ่งก่อสร้าง) only. Items whose name says
 * operating budget (งบดำเนินงาน: วัสดุ, จ้างเหมาบริการ, ค่าเช่า, ค่าสาธารณูปโภค …) are warned about.
 * Best known, from the budget classification of local governments; correct the words here.
 */
export const OPERATING_BUDGET_WORDS: readonly string[] = [
  'วัสดุ', 'จ้างเหมาบริการ', 'ค่าจ้างเหมา', 'ค่าเช่า', 'เช่า', 'น้ำมันเชื้อเพลิง', 'ค่าไฟฟ้า', 'ค่าน้ำประปา', 'ค่าโทรศัพท์',
  'ค่าบริการ', 'อาหารเสริม', 'อาหารกลางวัน', 'ค่าอาหาร', 'ถ่ายเอกสาร', 'เบี้ยประกัน', 'ค่าตอบแทน', 'ค่าใช้สอย',
];
/** Repairs are operating budget, unless they build or improve land and buildings (งบลงทุน). */
export const REPAIR_WORDS: readonly string[] = ['ซ่อมแซม', 'ซ่อมบำรุง', 'บำรุงรักษา'];
export const CAPITAL_WORDS: readonly string[] = ['ครุภัณฑ์', 'ก่อสร้าง', 'ปรับปรุง', 'สิ่งก่อสร้าง', 'ที่ดิน', 'ถนน', 'อาคาร', 'งบลงทุน'];
