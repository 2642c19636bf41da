import type { CourseSession, Enrolment, Trainee, WageStep } from '@tandem/contracts';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { notified } from './support/console';
import { apiGet, apiLogin, inFreshPage, screenshot, signIn, useHarness, type Harness } from './support/harness';
import { settle } from './support/network';

jest.setTimeout(180_000);

const harness = useHarness();

const TRAINER = 'trainer@lakeshore-tech.demo';
const FIRM_ADMIN = 'supplier.admin@acme-castings.demo';
const JOURNEY = 'training';

async function post<T>(h: Harness, token: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${h.apiUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Skill-based pay from the trainer's sheet to the firm admin's confirmation. Acme's admin has
 * a step on its wage ladder for a credential (a fresh one, so no other journey's record
 * matches), and one of its workers is enrolled in a Lakeshore session. The trainer records
 * the attendance and the credential on the session's attendance sheet; the firm admin finds
 * the proposed step on the enrolment and confirms it with the wages; the trainer never sees
 * the wages.
 */
describe('a trainer records attendance and a credential, and the firm admin confirms the wage step', () => {
  const credential = `NIMS Machining Level II ${Date.now().toString(36)}`;
  const lastName = `Journey${Date.now().toString(36)}`;
  let session: CourseSession;
  let enrolment: Enrolment;

  beforeAll(async () => {
    const admin = await apiLogin(harness(), FIRM_ADMIN, DEMO_PASSWORD);
    const trainer = await apiLogin(harness(), TRAINER, DEMO_PASSWORD);
    await post<WageStep>(harness(), admin, '/api/wage-steps', { credential, title: 'Machinist III', hourlyIncrease: 1.4 });
    const [curriculum] = await apiGet<{ id: string }[]>(harness(), trainer, `/api/curricula?filter=${encodeURIComponent('{"q":"CNC Operator"}')}`);
    session = await post<CourseSession>(harness(), trainer, '/api/course-sessions', { curriculumId: curriculum?.id, startsOn: '2026-10-05', endsOn: '2026-10-09', hours: 40, location: 'Lakeshore Technical College — Room 118', capacity: 6, costPerSeat: 1200 });
    const trainee = await post<Trainee>(harness(), admin, '/api/trainees', { firstName: 'Marisol', lastName, socCode: '51-9161', hireDate: '2022-05-02' });
    enrolment = await post<Enrolment>(harness(), admin, '/api/enrolments', { sessionId: session.id, traineeId: trainee.id });
  }, 60_000);

  it("the trainer's home page shows the sessions over whose attendance is still to record, and the coming ones, as the API counts them", async () => {
    const token = await apiLogin(harness(), TRAINER, DEMO_PASSWORD);
    const pendingNow = () => apiGet<CourseSession[]>(harness(), token, `/api/course-sessions?filter=${encodeURIComponent('{"attendanceToRecord":true}')}&range=${encodeURIComponent('[0,499]')}`);
    const pending = await pendingNow();
    // the seed's two sessions of last week, not yet recorded
    expect(pending.length).toBeGreaterThanOrEqual(2);
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, TRAINER, DEMO_PASSWORD);
      const card = page.getByTestId('home-attendance-to-record');
      await card.getByTestId('home-attendance-to-record-figure').waitFor();
      await settle(page);
      // other test files add and record sessions of this trainer meanwhile: the figure is the API's count of that moment
      const shown = Number(await card.getByTestId('home-attendance-to-record-figure').innerText());
      const after = (await pendingNow()).length;
      expect(shown).toBeGreaterThanOrEqual(Math.min(pending.length, after));
      expect(shown).toBeLessThanOrEqual(Math.max(pending.length, after));
      await page.getByTestId('home-upcoming-sessions').getByTestId('home-session').first().waitFor();
      await screenshot(page, JOURNEY, '0-trainer-home');
      await card.getByTestId('home-session').first().getByRole('link').click();
      await page.getByTestId('attendance-sheet').waitFor();
      expect(api.failures).toEqual([]);
    });
  });

  it('the trainer records 40 hours, completion and the credential on the attendance sheet; no wage shows', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, TRAINER, DEMO_PASSWORD);
      await page.goto(`${harness().baseUrl}/#/course-sessions/${session.id}/show`);
      const sheet = page.getByTestId('attendance-sheet');
      await sheet.waitFor();
      const name = `Marisol ${lastName}`;
      const row = sheet.getByTestId('attendance-row').filter({ hasText: name });
      await row.getByLabel(`Status of ${name}`).selectOption('completed');
      await row.getByLabel(`Hours attended by ${name}`).fill('40');
      await row.getByLabel(`Credential earned by ${name}`).fill(credential);
      await screenshot(page, JOURNEY, '1-trainer-sheet-filled');
      await row.getByRole('button', { name: 'Record' }).click();
      await notified(page, `Recorded for ${name}`);
      await settle(page);
      await sheet.getByTestId('attendance-row').filter({ hasText: name }).getByText('Completed').waitFor();
      await screenshot(page, JOURNEY, '2-trainer-sheet-recorded');

      const token = await apiLogin(harness(), TRAINER, DEMO_PASSWORD);
      const recorded = await apiGet<Enrolment>(harness(), token, `/api/enrolments/${enrolment.id}`);
      expect(recorded).toMatchObject({ status: 'completed', hoursAttended: 40, credential, wageStep: null, wageBefore: null });
      // the enrolment's page shows the trainer no skill-based pay
      await page.goto(`${harness().baseUrl}/#/enrolments/${enrolment.id}/show`);
      await page.getByText(credential).first().waitFor();
      await settle(page);
      expect(await page.getByTestId('wage-step').count()).toBe(0);
      expect(api.failures).toEqual([]);
    });
  });

  it('the firm admin finds the proposed step among the enrolments to confirm, and confirms it with the wage before', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, FIRM_ADMIN, DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Enrolments', exact: true }).click();
      await page.goto(`${harness().baseUrl}/#/enrolments?filter=${encodeURIComponent(JSON.stringify({ wageStepPending: true, q: lastName }))}`);
      const row = page.locator('.RaList-main tbody tr').filter({ hasText: lastName });
      await row.getByText('Machinist III (to confirm)').waitFor();
      await screenshot(page, JOURNEY, '3-admin-steps-to-confirm');
      await row.click();
      const panel = page.getByTestId('wage-step');
      await panel.getByText('proposes the step “Machinist III” (+$1.40 an hour)').waitFor();
      await panel.getByLabel('Hourly wage before').fill('21.50');
      await screenshot(page, JOURNEY, '4-admin-confirming');
      await panel.getByRole('button', { name: 'Confirm wage step' }).click();
      await notified(page, 'Wage step confirmed');
      await page.getByText('Machinist III: confirmed — $21.50 → $22.90 an hour').waitFor();
      await screenshot(page, JOURNEY, '5-admin-confirmed');
      expect(api.failures).toEqual([]);
    });
    const admin = await apiLogin(harness(), FIRM_ADMIN, DEMO_PASSWORD);
    expect(await apiGet<Enrolment>(harness(), admin, `/api/enrolments/${enrolment.id}`)).toMatchObject({ wageBefore: 21.5, wageAfter: 22.9, wageStepConfirmedAt: expect.any(String) });
    const trainer = await apiLogin(harness(), TRAINER, DEMO_PASSWORD);
    expect(await apiGet<Enrolment>(harness(), trainer, `/api/enrolments/${enrolment.id}`)).toMatchObject({ wageBefore: null, wageAfter: null, wageStep: null });
  });
});
