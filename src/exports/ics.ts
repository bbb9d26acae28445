// Calendars (iCalendar, RFC 5545): every month an activity runs and every PDCA step, as an all-day event
// that lasts the month (DTSTART its first day, DTEND the first day of the next, both dates only, so no
// time zone can move them). The UID of an event is made of the plan, project, item and month ids, so the
// same plan gives the same UIDs and re-importing a calendar updates its events instead of adding copies;
// the plan's calendar and a project's calendar share them. DTSTAMP is the export date, not the clock.
import { createHash } from 'node:crypto';
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { cancelledSince, type FiscalMonth, type Model, type Plan, type Project } from '../model/index.ts';
import { paths } from '../paths.ts';
import { siteAddress } from '../urls.ts';
import { LABELS } from '../views/labels.ts';
import { scheduleView, type ScheduleItem } from '../views/schedule.ts';
import { exportDate } from './date.ts';
import { carriable } from './text.ts';

/** The Gregorian first day of a BE fiscal month, at 00:00 UTC (written as a date only). */
export function monthStart(m: Pick<FiscalMonth, 'year' | 'month'>, offset = 0): Date {
  return new Date(Date.UTC(m.year - 543, m.month - 1 + offset, 1));
}

/** An absolute address of a page of the site when organisation.yaml gives site.url (the one URL policy). */
const pageAddress = (model: Model, path: string): string | undefined => siteAddress(model.organisation.siteUrl, path);

/** The UIDs' domain part: the agency's own, so two agencies' plans never share a UID in one calendar. */
const uidDomain = (model: Model): string => `plan-${createHash('sha256').update(model.organisation.name).digest('hex').slice(0, 12)}`;

/** "2561-network-upgrade-activity-2-2560-11@plan-…": stable across builds and shared by both calendars. */
export function eventUid(model: Model, plan: Plan, project: Project, item: Pick<ScheduleItem, 'kind' | 'number'>, month: FiscalMonth): string {
  return `${plan.id}-${project.id}-${item.kind}-${item.number}-${month.key}@${uidDomain(model)}`;
}

function addEvents(cal: ICalCalendar, model: Model, plan: Plan, projects: Project[], stamp: Date): void {
  const wanted = new Set(projects.map((p) => p.id));
  for (const row of scheduleView(plan)) {
    if (!wanted.has(row.project.id)) continue;
    const p = row.project;
    const url = pageAddress(model, paths.project(plan, p));
    // A project reported cancelled: its events from the cancelling report's month on are cancelled, so a
    // calendar that imported them before takes them off instead of keeping them.
    const cancelledFrom = cancelledSince(p);
    for (const { month, items } of row.months) {
      const cancelled = cancelledFrom !== undefined && month.index >= cancelledFrom;
      for (const item of items) {
        const what = item.kind === 'activity' ? `กิจกรรมที่ ${item.number}` : 'ขั้นตอน PDCA';
        cal.createEvent({
          id: eventUid(model, plan, p, item, month),
          start: monthStart(month),
          end: monthStart(month, 1),
          allDay: true,
          stamp,
          summary: carriable(`${item.name} (${p.name})`),
          description: carriable([
            `${LABELS.project}: ${p.order}. ${p.name}`,
            `${what}: ${item.name}`,
            `เดือน: ${month.labelLong} (${month.labelShort})`,
            `${LABELS.owner}: ${p.owner.name}`,
            `${plan.title}`,
            ...(url ? [`รายละเอียด: ${url}`] : []),
          ].join('\n')),
          ...(url ? { url } : {}),
          ...(cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
        });
      }
    }
  }
}

function calendar(model: Model, plan: Plan, name: string, projects: Project[], date?: Date): Uint8Array {
  const url = pageAddress(model, paths.plan(plan));
  const cal = ical({
    name: carriable(name),
    description: carriable(`${plan.title} · ${model.organisation.name}`),
    prodId: { company: 'action-plan-publisher', product: `plan-${plan.id}`, language: 'TH' },
    ...(url ? { url } : {}),
  });
  addEvents(cal, model, plan, projects, exportDate(plan, date));
  // RFC 5545 ends every content line with CRLF, the last one too (ical-generator leaves it off).
  return new TextEncoder().encode(`${cal.toString()}\r\n`);
}

/** plan-<year>.ics: every project's activity months and PDCA steps. */
export function renderPlanCalendar(model: Model, plan: Plan, opts: { date?: Date } = {}): Uint8Array {
  return calendar(model, plan, plan.title, plan.projects, opts.date);
}

/** projects/<id>.ics: one project's, with the same UIDs as in the plan's calendar. */
export function renderProjectCalendar(model: Model, plan: Plan, project: Project, opts: { date?: Date } = {}): Uint8Array {
  return calendar(model, plan, `${project.order}. ${project.name}`, [project], opts.date);
}
