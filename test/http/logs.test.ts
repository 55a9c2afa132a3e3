import { createLogger } from '../../src/logger';
import { PASSWORD, startTestApp, type TestApp } from '../support/testApp';

// Everything the app logs during a realistic session, at the most verbose level.
const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(
    { LOG_LEVEL: 'trace' },
    { logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) },
  );
});
afterAll(() => t.close());

const sensitive = {
  name: 'Zainab Kowalczyk-Osei',
  date_of_birth: '2014-05-06',
  address_current: '12 Hidden Lane, Osu',
  telephone_current: '+233 20 555 0199',
  note: 'Disclosed abuse by uncle on 3 March',
};

describe('logs and error bodies', () => {
  it('never contain a sensitive field, a password or a token', async () => {
    const bodies: string[] = [];
    const keep = (res: { body: unknown }) => bodies.push(JSON.stringify(res.body));
    keep(
      await t.call('POST', '/api/v2/tokens', {
        body: { user: { user_name: 'cw_gh', password: 'wrong-Secret-123' } },
      }),
    );
    const login = await t.call('POST', '/api/v2/tokens', {
      body: { user: { user_name: 'cw_gh', password: PASSWORD } },
    });
    const token = login.body.token as string;
    const created = await t.call('POST', '/api/v2/cases', {
      token,
      body: {
        data: {
          name: sensitive.name,
          date_of_birth: sensitive.date_of_birth,
          address_current: sensitive.address_current,
          telephone_current: sensitive.telephone_current,
          notes_section: [{ note_text: sensitive.note }],
        },
      },
    });
    expect(created.status).toBe(200);
    const id = created.body.data.id as string;
    // Bad input that carries sensitive values: the 422 names fields, never echoes values.
    keep(
      await t.call('POST', '/api/v2/cases', {
        token,
        body: { data: { name: 7, age: sensitive.name, sex: sensitive.address_current } },
      }),
    );
    keep(
      await t.call('PATCH', `/api/v2/cases/${id}`, {
        token,
        body: { data: { date_of_birth: sensitive.telephone_current } },
      }),
    );
    keep(
      await t.call(
        'GET',
        `/api/v2/cases?query=${encodeURIComponent(sensitive.name)}&owned_by=${encodeURIComponent(sensitive.note)}`,
        { token },
      ),
    );
    keep(await t.call('GET', `/api/v2/cases?colour=${encodeURIComponent(sensitive.name)}`, { token }));
    await t.call('GET', `/api/v2/cases/${id}`, { token });
    await t.call('DELETE', '/api/v2/tokens', { token });

    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5); // the request log is really captured
    expect(logged).toContain('"path":"/api/v2/cases"');
    for (const value of [
      ...Object.values(sensitive),
      PASSWORD,
      'wrong-Secret-123',
      token,
      token.split('.')[2] as string,
    ]) {
      expect(logged).not.toContain(value);
      for (const body of bodies) expect(body).not.toContain(value);
    }
  });
});
