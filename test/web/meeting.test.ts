// The expert meeting room in real browsers against the real stack: a case is brought to a
// convened meeting through the API; three drawn experts, each in a browser context of their own,
// find it in 评审会议 and enter the room. One declares a conflict (回避) and is replaced, a review
// panel member writes an opinion and is refused a ballot before quorum; the others check in and
// every open room sees quorum and the ballot count move; a ballot leaves only "已投票" (no choice
// on the page or in its storage), and a second ballot from a stale window shows the API's problem.
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { bearer, caseMaterial, meetingFor, poll, submitAs } from '../api/fixtures';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable } from '../support/browser';
import { startWebStack, stopWebStack } from '../support/web-stack';
import type { Harness } from '../support/harness';
import { pageOf, shot, signIn } from '../support/web-pages';

const zh = catalogue('zh-CN') as Record<string, string>;
const en = catalogue('en') as Record<string, string>;
/** The page's requests the test provokes to fail (a ballot refused by the API): Chromium logs each. */
const refusedLoad = /Failed to load resource: the server responded with a status of 409/;

describe.skipIf(!chromiumAvailable)('experts in the meeting room', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    ({ h, site, browser } = await startWebStack());
  });
  afterAll(() => stopWebStack({ h, site, browser }));

  const get = async (userId: string, url: string) => request(h.app).get(url).set('Authorization', await bearer(h, userId));
  const post = async (userId: string, url: string, body: object = {}) => request(h.app).post(url).set('Authorization', await bearer(h, userId)).send(body);
  const seatedIn = async (meetingId: string) =>
    (await h.db.committeeSeat.findMany({ where: { meetingId, status: 'seated' }, orderBy: { drawOrder: 'asc' } })).map((s) => s.expertId);

  it('check in, recuse, opinions and the secret ballot, with quorum and ballots live in every room', { timeout: 300_000 }, async () => {
    // Through the API: u-li-ming's case with a material, on a scheduled meeting the administrator convened.
    const app = await submitAs(h, 'u-li-ming');
    await caseMaterial(h, app, 'identity', '身份证');
    const { meetingId, seated } = await meetingFor(h, app, { convened: true });
    const url = `/api/meetings/${meetingId}`;
    const caseNumber = app.caseNumber!;
    const [a, b, c] = seated as [string, string, string];
    const meetingName = `${zh['series.engineering']} · ${zh['meeting-kind.scheduled']}`;

    // 评审会议: each expert finds the meeting with its stage and their own attendance.
    const A = await pageOf(browser, 'zh-CN');
    const B = await pageOf(browser, 'en');
    const C = await pageOf(browser, 'zh-CN');
    // On failure, what each expert's page showed: test-results/web/meeting-failed-<who>.png.
    onTestFailed(async () => {
      for (const [who, p] of Object.entries({ a: A, b: B, c: C })) await shot(p.page, `meeting-failed-${who}`).catch(() => undefined);
    });
    await signIn(A.page, site.url, a, '/meetings');
    const row = A.page.getByRole('row', { name: new RegExp(meetingName) });
    await row.getByText(zh['stage.drawn']!, { exact: true }).waitFor();
    await row.getByText('未签到').waitFor();
    expect(await row.textContent()).toContain('已签到 0/5（法定 4）');
    await shot(A.page, 'meetings-list-zh-CN');
    await expectAccessible(A.page, 'meetings list');
    await signIn(B.page, site.url, b, '/meetings');
    await B.page.getByRole('row', { name: new RegExp(`${en['series.engineering']} · ${en['meeting-kind.scheduled']}`) }).getByText('not checked in').waitFor();
    await shot(B.page, 'meetings-list-en');
    await expectAccessible(B.page, 'meetings list (en)');

    // The room: the dossier (applicant, series/level/track, materials) and the rules with the meeting's numbers.
    await row.getByRole('link', { name: '进入会议室' }).click();
    await A.page.waitForURL(`**/meetings/${meetingId}`);
    const caseA = A.page.getByRole('region', { name: caseNumber, exact: true });
    await caseA.getByText('李明').waitFor();
    expect(await caseA.textContent()).toContain(`${zh['series.engineering']} · ${zh['level.intermediate']}`);
    await caseA.getByRole('row', { name: /身份证/ }).getByRole('button', { name: '查看' }).waitFor();
    await A.page.getByText('本会委员 5 人，至少 4 人签到').waitFor();
    await B.page.goto(`${site.url}/meetings/${meetingId}`);
    const quorumB = B.page.getByRole('region', { name: 'Quorum and ballots' });
    await quorumB.getByText('0 checked in of 5 members; quorum is 4').waitFor();
    await signIn(C.page, site.url, c, `/meetings/${meetingId}`);

    // 回避: C declares a conflict with the applicant; a replacement is drawn; C's room says so.
    const caseC = C.page.getByRole('region', { name: caseNumber, exact: true });
    await caseC.getByLabel('回避理由').fill('与申报人同一课题组');
    await caseC.getByRole('button', { name: zh['act.recuse'] }).click();
    await C.page.getByText('您已回避本次会议').waitFor();
    await C.page.getByText(`self-declared: ${caseNumber}: 与申报人同一课题组`).waitFor();
    const nowSeated = await poll('the replacement', async () => {
      const s = await seatedIn(meetingId);
      return s.length === 5 && !s.includes(c) ? s : undefined;
    });
    const others = nowSeated.filter((x) => x !== a && x !== b);

    // 评议组: A writes an opinion; B's room counts it.
    await caseA.getByLabel('我的评议意见').fill('业绩突出，材料完整，建议通过。');
    await caseA.getByRole('button', { name: zh['act.write-opinion'] }).click();
    await caseA.getByText('评议意见已提交').waitFor();
    await B.page.getByText('1 written opinion(s) submitted').waitFor();

    // A ballot before quorum: the API refuses it, and the page says what the API said.
    const early = await post(others[0]!, `${url}/votes`, { caseId: app.id, choice: 'yes' });
    expect(early.status).toBe(409);
    await caseA.getByRole('radio', { name: zh['choice.yes'], exact: true }).check();
    await caseA.getByRole('button', { name: zh['act.vote'], exact: true }).click();
    await caseA.getByRole('alert').filter({ hasText: early.body.detail }).waitFor();

    // Check-in: A and B in their rooms; each sees the other's check-in arrive with the polls.
    await A.page.getByRole('button', { name: zh['act.check-in'], exact: true }).click();
    await A.page.getByRole('region', { name: '法定人数与计票' }).getByText('已签到 1 人 / 委员 5 人；法定人数 4 人').waitFor();
    await quorumB.getByText('1 checked in of 5 members; quorum is 4').waitFor();
    await B.page.getByRole('button', { name: en['act.check-in'], exact: true }).click();
    await A.page.getByText('已签到 2 人 / 委员 5 人；法定人数 4 人').waitFor();
    await A.page.getByText('尚差 2 人达到法定人数，投票尚未开始').waitFor();
    // The two other seated experts check in through the API: quorum, and voting opens.
    for (const x of others.slice(0, 2)) expect((await post(x, `${url}/check-in`)).status).toBe(200);
    await quorumB.getByText('Quorum reached: voting is open').waitFor();
    await A.page.getByText('现到会 4 人，每位申报人需至少 3 票同意').waitFor();

    // A second window of A's, open before the ballot and not refreshed since (its reads held back).
    const S = await pageOf(browser, 'zh-CN');
    const stale = S.page;
    await signIn(stale, site.url, a, `/meetings/${meetingId}`);
    const staleCase = stale.getByRole('region', { name: caseNumber, exact: true });
    await staleCase.getByRole('radio', { name: zh['choice.no'], exact: true }).waitFor({ timeout: 60_000 });
    let snapshot: unknown;
    await stale.route(`**${url}`, async (route) => {
      snapshot ??= await (await route.fetch()).json();
      await route.fulfill({ json: snapshot });
    });
    await poll('the stale window to read once more', async () => snapshot);

    // The secret ballot: A votes; the room shows only "已投票"; B sees the count move.
    await caseA.getByRole('radio', { name: zh['choice.yes'], exact: true }).check();
    // The button's name gains "loading" while the ballot is on its way.
    await caseA.getByRole('button', { name: zh['act.vote'] }).click();
    await caseA.getByText('已投票', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await caseA.getByRole('radio').count()).toBe(0);
    expect(await caseA.getByRole('alert').count()).toBe(0); // the refusal before quorum is gone
    const caseText = (await caseA.textContent())!;
    for (const choice of ['yes', 'no', 'abstain']) expect(caseText).not.toContain(zh[`choice.${choice}`]);
    const storage = await A.page.evaluate(() => {
      const g = globalThis as unknown as { localStorage: Record<string, string>; sessionStorage: Record<string, string> };
      return JSON.stringify([Object.entries(g.localStorage), Object.entries(g.sessionStorage)]);
    });
    expect(storage).not.toMatch(/choice|"yes"|同意/);
    await B.page.getByRole('region', { name: 'Quorum and ballots' }).getByText('1 (of 4 present)').first().waitFor();
    await shot(A.page, 'meeting-room-zh-CN');
    await expectAccessible(A.page, 'meeting room');

    // A second ballot from the stale window: the API's problem, in the page's words.
    await staleCase.getByRole('radio', { name: zh['choice.no'], exact: true }).check();
    await staleCase.getByRole('button', { name: zh['act.vote'], exact: true }).click();
    await staleCase.getByRole('alert').filter({ hasText: zh['refusal.already-voted'] }).waitFor();
    expect(S.errors.filter((e) => !refusedLoad.test(e))).toEqual([]);
    await stale.context().close();

    // B votes in English.
    const caseB = B.page.getByRole('region', { name: caseNumber, exact: true });
    await caseB.getByRole('radio', { name: en['choice.abstain'], exact: true }).check();
    await caseB.getByRole('button', { name: en['act.vote'], exact: true }).click();
    await caseB.getByText('Voted', { exact: true }).waitFor();
    await A.page.getByText('2 票（到会 4 人）').first().waitFor();
    await shot(B.page, 'meeting-room-en');
    await expectAccessible(B.page, 'meeting room (en)');

    // The API agrees: two ballots, A's own state "voted", and no choice anywhere in what it answers.
    const admin = await get('u-admin', url);
    expect(admin.body.agenda[0]).toMatchObject({ caseId: app.id, ballotsCast: 2, opinions: 1 });
    const mine = await get(a, url);
    expect(mine.body.agenda[0]).toMatchObject({ ballotsCast: 2, votedByMe: true });
    expect(JSON.stringify([admin.body, mine.body])).not.toMatch(/"choice"|"(yes|no|abstain)"/);
    const again = await post(a, `${url}/votes`, { caseId: app.id, choice: 'no' });
    expect([again.status, again.body.detail]).toEqual([409, zh['refusal.already-voted']]);

    for (const p of [A, B, C]) {
      expect(p.errors.filter((e) => !refusedLoad.test(e))).toEqual([]);
      await p.page.context().close();
    }
  });
});
