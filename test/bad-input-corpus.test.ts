import { describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../contracts/errors.js';
import { ERROR_CODES } from '../server/domain/errors.js';
import { expectAlive, registered, rowCount, startBystander } from './helpers/corpus/after-checks.js';
import type { CorpusCase, CorpusStep } from './helpers/corpus/case.js';
import { loadCorpus } from './helpers/corpus/case.js';
import type { Answer } from './helpers/corpus/send.js';
import { buildRequest, fetchAnswer, sendIncomplete } from './helpers/corpus/send.js';
import { holdV4Upload } from './helpers/held-upload.js';
import { until } from './helpers/streaming-upload.js';
import type { Harness, Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

/**
 * The bad-input corpus (test/corpus/<family>/<case>.json, one file per case; see its README):
 * each case is sent through MSW and to a real server process, its answer checked, and then the
 * mock itself: it still answers, holds nothing in flight, registered nothing the client was not
 * told about, and the execution that was there before the case is untouched.
 */
const { cases, values } = loadCorpus();

async function runSteps(session: Session, steps: CorpusStep[]): Promise<void> {
  const { control, client } = session;
  for (const step of steps) {
    if ('api' in step) {
      const { method, path, json } = step.api;
      const response = await fetch(`${client.baseUrl}${path}`, {
        method,
        headers: client.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(json),
      });
      expect(response.status, await response.text()).toBeLessThan(300);
    } else if ('settings' in step) await control.updateSettings(step.settings);
    else if ('advance' in step) await control.advance(step.advance);
    else
      for (const [kind, policy] of Object.entries(step.progression))
        await control.setProgression(kind as never, policy as never);
  }
}

async function send(testCase: CorpusCase, harness: Harness, session: Session): Promise<Answer[]> {
  const request = buildRequest(testCase.request, session, values);
  if (testCase.send === 'incomplete') {
    return [
      await sendIncomplete(request, harness, testCase.framing, async () => {
        await until(async () => (await session.control.journal()).inFlight === 1, 'the upload is in flight');
        // The body is complete but for its end: whatever it holds may be parsed, nothing registered.
        for (let poll = 0; poll < 5; poll += 1) {
          expect(await registered(session, false)).toEqual({ v5: 0, v4: 0 });
          expect(await rowCount(session)).toBe(0);
          expect((await session.control.getSettings()).usage.v4ImportsToday).toEqual([]);
        }
      }),
    ];
  }
  const held = Array.from({ length: testCase.alongside?.held ?? 0 }, () =>
    holdV4Upload(session.client, values.v4Parameters, '/v4/entity/demo/table/Profiles/import', harness.send),
  );
  if (held.length > 0)
    await until(
      async () => (await session.control.journal()).inFlight === held.length,
      'the held uploads are in flight',
    );
  const answers = await Promise.all(Array.from({ length: testCase.copies }, () => fetchAnswer(request)));
  const released = await Promise.all(held.map((upload) => upload.release()));
  expect(released.map((r) => r.status)).toEqual(held.map(() => testCase.alongside?.status));
  return answers;
}

function expectAnswer(testCase: CorpusCase, answer: Answer): void {
  const { expect: wanted } = testCase;
  if (wanted.status !== undefined) expect(answer.status, answer.text).toBe(wanted.status);
  if (wanted.statuses !== undefined) expect(wanted.statuses, answer.text).toContain(answer.status);
  if (answer.status === null || answer.status < 400) return;
  const envelope = ErrorEnvelope.parse(JSON.parse(answer.text));
  expect(envelope.status).toBe(answer.status);
  expect(answer.status).toBeLessThan(500);
  expect(ERROR_CODES).toContain(envelope.code);
  // With `statuses`, code and message apply to every refusal; with `status`, to that status.
  if (wanted.status !== undefined && answer.status !== wanted.status) return;
  if (wanted.code) expect(envelope.code, envelope.message).toBe(wanted.code);
  for (const fragment of wanted.message ?? []) expect(envelope.message).toContain(fragment);
  for (const path of wanted.errors ?? []) expect(envelope.errors?.map((e) => e.path)).toContain(path);
}

async function expectFinal(testCase: CorpusCase, session: Session, answer: Answer): Promise<void> {
  const final = testCase.expect.final;
  if (!final || answer.status !== 201) return;
  const { id } = JSON.parse(answer.text) as { id: string | number };
  const v4 = testCase.request.path.includes('/v4/');
  const record = v4
    ? await session.client.getJson(`/v4/entity/demo/import/${id}/status`)
    : await session.client.getJson(`/mass-imports/v5/entities/demo/etl-executions/${id}`);
  expect(record.status).toBe(final.status);
  for (const fragment of final.errorMessage ?? []) expect(record.errorMessage).toContain(fragment);
  for (const fragment of final.notInErrorMessage ?? []) expect(record.errorMessage).not.toContain(fragment);
}

describe.each(TRANSPORTS)('the bad-input corpus (%s)', (transport) => {
  const harness = useTransport(transport);

  it.each(cases.map((c) => [`${c.family}/${c.name}`, c] as const))('%s', async (_name, testCase) => {
    const session = await harness.session();
    const { control, client } = session;
    await control.setProgression('*', { type: 'immediate' });
    const bystander = await startBystander(session);
    const before = await bystander();
    await runSteps(session, testCase.before);
    const journalBefore = (await control.journal()).entries.length;

    const answers = await send(testCase, harness, session);
    for (const answer of answers) expectAnswer(testCase, answer);

    // Nothing in flight, and the journal says what the client was told (or what the case expects
    // it recorded when the client got nothing).
    let journal = await control.journal();
    while (journal.inFlight > 0) journal = await control.journal();
    const entries = journal.entries
      .slice(journalBefore)
      .filter((e) => e.path === testCase.request.path.split('?')[0]);
    const settings = await control.updateSettings({ v4Sunset: 'enabled' });
    expect(settings.usage.inFlightRequests).toBe(0);
    await expectAlive(harness, session);
    await client.login();
    for (const answer of answers) await expectFinal(testCase, session, answer);
    const told = answers.map((a) => a.status).filter((s) => s !== null);
    // Control requests are not journaled; nor is a request the case sent to another tenant.
    const journaled =
      !testCase.request.path.startsWith('/__mock') &&
      testCase.request.path !== '/openapi.json' &&
      !('x-mock-tenant' in testCase.request.headers);
    if (testCase.send === 'fetch' && journaled && !testCase.resetsTenant)
      expect(entries.map((e) => e.status).sort()).toEqual([...told].sort());
    if (testCase.expect.journal) expect(entries.at(-1)).toMatchObject(testCase.expect.journal);
    // Registered exactly what the client was told: a control 201 (an armed fault) registers nothing.
    const accepted = journaled ? answers.filter((a) => a.status === 201).length : 0;
    const { v5, v4 } = await registered(session, testCase.resetsTenant);
    expect(v5 + v4, 'executions and imports registered').toBe(testCase.expect.registers ?? accepted);
    if (v4 === 0) expect(settings.usage.v4ImportsToday).toEqual([]);
    const profiles = await control.rows('demo', 'Profiles');
    expect(profiles.total + (await control.rows('demo', 'Orders')).total).toBe(testCase.expect.rows);
    if (testCase.expect.profiles) expect(profiles.rows).toMatchObject(testCase.expect.profiles);
    if (!testCase.resetsTenant) expect(await bystander()).toEqual(before);
  });
});
