/** The Thai shaping corpus (tone marks with and without upper vowels, ป ฝ ฟ, ญ ฐ with lower vowels, น้ำ, ฤ, ๆ, digits). */
export const THAI_CORPUS = [
  'ปี่', 'ปั่น', 'ปั้น', 'ญี่ปุ่น', 'น้ำ', 'ก้ำ', 'ป่า', 'ก่', 'กี่', 'กิ้ง', 'ที่', 'ผู้', 'ปู่', 'ฝั่ง', 'ฝ้าย', 'ฟื้น', 'ฟ้า',
  'ฝึ๋', 'ญู', 'ญาติ', 'ฐู', 'ฐาน', 'ฎุ', 'ฏู', 'ฤดู', 'ฤๅษี', 'ไปๆ มาๆ', 'ๆ', '๑๒๓๔๕๖๗๘๙๐', 'ข้าราชการครู',
  'เงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู', 'สำนักงาน ก.ค.ศ.', 'ประสิทธิภาพ', 'กลุ่มติดตาม', 'ปั๊ม', 'จ๋า',
  'ฟิ้ว', 'ศักดิ์', 'พระบรมราชโองการ', 'ฯลฯ', '฿๑๕,๐๐๐', 'ดิจิทัล', 'ซื่อสัตย์', 'อุ๊ย', 'เป็ด', 'แป้น',
];
export const LATIN_CORPUS = ['Mixed Latin 2561', 'ICT (Information Graphic)', 'AVAWAY office', '15,000 บาท'.slice(0, 6)];
/** Mixed strings: our shaper itemizes them into script runs. */
export const MIXED_CORPUS = ['ระบบ ICT ปี 2561', 'ร้อยละ 90 ของ e-Office', 'Digital ดิจิทัล ๒๕๖๑'];
