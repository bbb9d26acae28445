// The revised plan's comparison chapter (ตารางเปรียบเทียบแผนเดิมกับแผนฉบับปรับปรุง): the revision's approval and
// reason, then one row per changed fact of each project against the last earlier edition, and the plan's total.
import type { Block } from '../pdf/index.ts';
import type { Edition } from '../model/types.ts';
import { comparison, COMPARISON_HEADERS, COMPARISON_TITLE } from '../diff/comparison.ts';
import { LABELS } from '../views/labels.ts';
import { h1, headerRow, para, smallTable } from './kit.ts';
import type { BookKit } from './sheet.ts';

/** The edition the revision is compared with: the newest earlier one whose content was read from git. */
export function comparedEdition(k: Pick<BookKit, 'plan'>): Edition | undefined {
  const last = k.plan.editions.at(-1);
  return k.plan.revision && last?.model ? last : undefined;
}

export function revisionChapter(k: BookKit, edition: Edition): Block[] {
  const { plan, theme, fmt } = k;
  const rev = plan.revision!;
  const before = edition.model!.plans[0]!;
  const c = comparison(before, plan, fmt, rev);
  const approved = [rev.approvedOn && `อนุมัติเมื่อ ${rev.approvedOn.label}`, rev.approvedBy && `โดย ${rev.approvedBy}`].filter(Boolean).join(' ');
  const right = 'right' as const;
  const out: Block[] = [
    h1(k, 'revision', COMPARISON_TITLE, { align: 'center' }),
    para(fmt.text(`${plan.title} ${rev.label}${approved ? ` ${approved}` : ''} เปรียบเทียบกับ${edition.label}${edition.approvedOn ? ` (อนุมัติเมื่อ ${edition.approvedOn.label})` : ''}`)),
  ];
  if (rev.reason) out.push(para([{ text: 'เหตุผลในการปรับปรุง: ', bold: true }, { text: fmt.text(rev.reason) }]));
  out.push(
    smallTable(k, {
      columns: [21, 15, 16, 16, 16, 16],
      header: [headerRow([...COMPARISON_HEADERS])],
      rows: [
        ...c.rows.map((r) => ({
          cells: [fmt.text(r.project), fmt.text(r.item), { content: r.before, align: right }, { content: r.after, align: right }, { content: r.difference, align: right }, fmt.text(r.reason)],
        })),
        {
          fill: theme.colors.tableSubtle,
          cells: [{ content: LABELS.grandTotal, bold: true, colSpan: 2 }, { content: c.total.before, align: right, bold: true }, { content: c.total.after, align: right, bold: true }, { content: c.total.difference, align: right, bold: true }, ''],
        },
      ],
    }),
  );
  if (c.rows.length === 0) out.push(para('ไม่มีการเปลี่ยนแปลงรายละเอียดโครงการ', { size: theme.size.small }));
  return out;
}
