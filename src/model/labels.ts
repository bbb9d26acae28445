// Thai labels the model attaches to coded values (PDCA phase, procurement kind, cadence, report status).
import type { PdcaPhase, ReportStatus } from './types.ts';

export const PDCA_LABELS: Record<PdcaPhase, string> = {
  plan: '1. วางแผน (Plan)',
  do: '2. ดำเนินการ (Do)',
  check: '3. ตรวจสอบ (Check)',
  act: '4. ประเมินผลและรายงาน (Act)',
};
export const PROCUREMENT_LABELS = { extend: 'ขยายระบบเดิม', new: 'จัดหาใหม่', replace: 'ทดแทน' } as const;
export const CADENCE_LABELS: Record<string, string> = {
  monthly: 'รายงานเป็นรายเดือน',
  quarterly: 'รายงานเป็นรายไตรมาส',
  periodic: 'ติดตามความก้าวหน้าเป็นระยะ',
  yearly: 'รายงานเป็นรายปี',
};
export const STATUS_LABELS: Record<ReportStatus, string> = {
  'not-started': 'ยังไม่เริ่ม',
  'on-track': 'ตามแผน',
  delayed: 'ล่าช้ากว่าแผน',
  done: 'แล้วเสร็จ',
  cancelled: 'ยกเลิก',
};
