import { createHash, createHmac } from 'node:crypto';
import type { CaseDocument } from '../../src/records/recordDocument';
import { tamperWithSealed } from '../support/tamper';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const secrets = {
  name: 'Amína Mensah-Owusu',
  name_first: 'Amína',
  date_of_birth: '2013-07-21',
  address_current: '4 Palm Street, Jamestown',
  telephone_current: '+233 24 000 1111',
};
const noteText = 'She said her stepfather hits her';
const create = async (data: Record<string, unknown>) => {
  const res = await t.call('POST', '/api/v2/cases', { token, body: { data } });
  expect(res.status).toBe(200);
  return res.body.data as { id: string } & Record<string, unknown>;
};
const raw = async (id: string) =>
  (await t.app.containers.records.item(id, ['GH', id]).read<CaseDocument>()).resource as CaseDocument;
const writeRaw = (doc: CaseDocument) => t.app.containers.records.item(doc.id, ['GH', doc.id]).replace(doc);

describe('field-level encryption', () => {
  it('the fingerprint of an offline create is keyed: a guessed payload cannot be confirmed from Cosmos', async () => {
    const id = '3d1c2b4a-0000-4000-8000-00000000f1a9';
    const data = { id, name: 'Guessable Name' };
    await create(data);
    const canonical = JSON.stringify({ data, me: 'cw_gh' }); // the canonical request: keys in order already
    const plain = createHash('sha256').update(canonical).digest('hex');
    const doc = await raw(id);
    // What the server stored is the HMAC under GH's index key from the key store, so it cannot be
    // recomputed without that key; an unkeyed hash of the request is not it.
    const { key } = await t.app.dataKeys.indexKey('GH');
    expect(doc.create_fingerprint).toBe(createHmac('sha256', key).update(canonical, 'utf8').digest('hex'));
    expect(doc.create_fingerprint).not.toBe(plain);
    // The offline retry is still recognised, and so is one of a record fingerprinted the old way.
    expect((await t.call('POST', '/api/v2/cases', { token, body: { data } })).status).toBe(200);
    await writeRaw({ ...doc, create_fingerprint: plain });
    expect((await t.call('POST', '/api/v2/cases', { token, body: { data } })).status).toBe(200);
    expect(
      (await t.call('POST', '/api/v2/cases', { token, body: { data: { ...data, name: 'Other' } } })).status,
    ).toBe(409);
  });

  it('a document read straight from Cosmos holds no plaintext of any sensitive field', async () => {
    const c = await create({
      ...secrets,
      sex: 'female',
      notes_section: [{ note_subject: 'Disclosure', note_text: noteText }],
    });
    const doc = await raw(c.id);
    const stored = JSON.stringify(doc);
    for (const value of [...Object.values(secrets), noteText, 'Disclosure', 'mensah', 'amina']) {
      expect(stored.toLowerCase()).not.toContain(value.toLowerCase());
    }
    const current = await t.app.dataKeys.encryptionKey('GH');
    for (const field of Object.keys(secrets))
      expect(doc[field]).toMatchObject({ $enc: 'aes-256-gcm', k: current.version });
    expect((doc.notes_section as { note_text: unknown }[])[0]?.note_text).toMatchObject({
      $enc: 'aes-256-gcm',
    });
    // Sex is categorical: sealed, with a keyed token for filters; age stays plain (range filters, sorting).
    expect(doc.sex).toMatchObject({ $enc: 'aes-256-gcm', tok: [expect.any(String)] });
    expect(doc).toMatchObject({ age: expect.any(Number), key_version: current.version });
  });

  it('the API returns plaintext to those who may read the case, in records and lists', async () => {
    const c = await create({ ...secrets, notes_section: [{ note_text: noteText }] });
    const read = await t.call('GET', `/api/v2/cases/${c.id}`, { token });
    expect(read.body.data).toMatchObject(secrets);
    expect(read.body.data.notes_section[0].note_text).toBe(noteText);
    const list = await t.call('GET', `/api/v2/cases?id=${c.id}`, { token });
    expect(list.body.data[0]).toMatchObject({ name: secrets.name, date_of_birth: secrets.date_of_birth });
  });

  it('a create and an update answer with what a read of the stored record then gives', async () => {
    const created = await create({
      ...secrets,
      sex: 'female',
      notes_section: [{ note_subject: 'Disclosure', note_text: noteText }],
    });
    const read = async () => (await t.call('GET', `/api/v2/cases/${created.id}`, { token })).body.data;
    expect(created).toEqual(await read());
    expect(created).toMatchObject({ ...secrets, sex: 'female' });
    const updated = await t.call('PATCH', `/api/v2/cases/${created.id}`, {
      token,
      body: { data: { name: 'Amína Owusu', address_current: null } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toEqual(await read());
    expect(updated.body.data).toMatchObject({ name: 'Amína Owusu', address_current: null });
    expect(updated.body.data.notes_section[0].note_text).toBe(noteText);
  });

  it('a tampered ciphertext is refused with an error, not served as garbage', async () => {
    const c = await create({ name: 'Tamper Target' });
    await tamperWithSealed(t.app.containers.records, c.id);
    const res = await t.call('GET', `/api/v2/cases/${c.id}`, { token });
    expect(res.status).toBe(500);
    expect(res.body.errors[0].message).toMatch(/integrity check/);
    expect(JSON.stringify(res.body)).not.toContain('Tamper');
  });

  it('a tampered record is left out of lists, tasks, flags and sync pulls, which still answer and name it', async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const followUp = {
      followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: soon }],
    };
    const intact = await create({ name: 'Intact Child', ...followUp });
    const target = await create({ name: 'Tampered Child', ...followUp });
    for (const c of [intact, target]) {
      const flagged = await t.call('POST', `/api/v2/cases/${c.id}/flags`, {
        token,
        body: { data: { message: 'Check the family situation' } },
      });
      expect(flagged.status).toBe(200);
    }
    const repair = await tamperWithSealed(t.app.containers.records, target.id);
    const pull = async (cursor?: string) => {
      const seen: string[] = [];
      const unreadable: string[] = [];
      let text = '';
      let next = cursor;
      for (let more = true; more;) {
        // One record a page: the tampered one is the last of its page, and the cursor must still move past it.
        const res = await t.call('GET', `/api/v2/sync/cases?per=1${next ? `&cursor=${next}` : ''}`, {
          token,
        });
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map((r: { id: string }) => r.id));
        unreadable.push(...(res.body.metadata.unreadable ?? []));
        text += JSON.stringify(res.body);
        next = res.body.metadata.next_cursor;
        more = res.body.metadata.has_more;
      }
      return { seen, unreadable, text, cursor: next as string };
    };

    const listed = await t.call('GET', '/api/v2/cases?per=100', { token });
    expect(listed.status).toBe(200);
    const listedIds = listed.body.data.map((r: { id: string }) => r.id);
    expect(listedIds).toContain(intact.id);
    expect(listedIds).not.toContain(target.id);
    // Other tests of this file leave tampered records of their own: only this test's two are looked at.
    expect(listed.body.metadata.unreadable).toContain(target.id);
    expect(listed.body.metadata.unreadable).not.toContain(intact.id);
    const tasks = await t.call('GET', '/api/v2/tasks?per=100', { token });
    expect(tasks.status).toBe(200);
    const tasked = tasks.body.data.map((task: { record_id: string }) => task.record_id);
    expect(tasked).toContain(intact.id);
    expect(tasked).not.toContain(target.id);
    expect(tasks.body.metadata.unreadable).toContain(target.id);
    expect(tasks.body.metadata.unreadable).not.toContain(intact.id);
    // Every page of the tasks names it: the caller knows work is missing wherever they look.
    const secondPage = await t.call('GET', '/api/v2/tasks?per=1&page=2', { token });
    expect(secondPage.body.metadata.unreadable).toContain(target.id);
    const flags = await t.call('GET', '/api/v2/flags?per=1000', { token });
    expect(flags.status).toBe(200);
    const flaggedIds = flags.body.data.map((f: { record_id: string }) => f.record_id);
    expect(flaggedIds).toContain(intact.id);
    expect(flaggedIds).not.toContain(target.id);
    expect(flags.body.metadata.unreadable).toContain(target.id);
    await new Promise((resolve) => setTimeout(resolve, 3500)); // past the sync pull's settle window
    const first = await pull();
    expect(first.seen).toContain(intact.id);
    expect(first.seen).not.toContain(target.id);
    expect(first.unreadable.filter((id) => id === target.id)).toHaveLength(1);
    expect(first.unreadable).not.toContain(intact.id);
    expect(new Set(first.seen).size).toBe(first.seen.length);
    expect(first.text).not.toContain('Tampered');
    // Read alone, it still answers the integrity error.
    expect((await t.call('GET', `/api/v2/cases/${target.id}`, { token })).status).toBe(500);

    // Repaired (restored from a backup), it lists again and comes to devices with its new timestamp.
    await repair();
    const relisted = await t.call('GET', '/api/v2/cases?per=100', { token });
    expect(relisted.body.data.map((r: { id: string }) => r.id)).toContain(target.id);
    expect(relisted.body.metadata.unreadable ?? []).not.toContain(target.id);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const again = await pull(first.cursor);
    expect(again.seen).toContain(target.id);
    expect(again.unreadable).not.toContain(target.id);
  }, 30_000);

  it('a sync push refuses only the mutation of a tampered record; the others apply', async () => {
    const ok = await create({ name: 'Pushed Fine' });
    const bad = await create({ name: 'Pushed Tampered' });
    await tamperWithSealed(t.app.containers.records, bad.id);
    const mutation = (id: string, base: unknown) => ({
      mutation_id: `m-${id}`,
      op: 'update',
      id,
      base_version: base,
      changes: { age: 9 },
    });
    const res = await t.call('POST', '/api/v2/sync/cases', {
      token,
      body: { data: [mutation(bad.id, bad.version), mutation(ok.id, ok.version)] },
    });
    expect(res.status).toBe(200);
    const results = res.body.data as { result: string; errors?: { message: string }[] }[];
    expect(results[0]).toMatchObject({ result: 'rejected' });
    expect(results[0]?.errors?.[0]?.message).toMatch(/integrity check/);
    expect(results[1]).toMatchObject({ result: 'applied' });
    expect(JSON.stringify(res.body)).not.toContain('Pushed Tampered');
    expect((await t.call('GET', `/api/v2/cases/${ok.id}`, { token })).body.data.age).toBe(9);
  });

  it('a ciphertext moved to another record, or to another field, does not open', async () => {
    const a = await create({ name: 'Real Owner', address_current: 'Somewhere' });
    const b = await create({ name: 'Other Child' });
    const docA = await raw(a.id);
    const docB = await raw(b.id);
    await writeRaw({ ...docB, name: docA.name });
    expect((await t.call('GET', `/api/v2/cases/${b.id}`, { token })).status).toBe(500);
    await writeRaw({ ...docA, name: docA.address_current });
    expect((await t.call('GET', `/api/v2/cases/${a.id}`, { token })).status).toBe(500);
  });

  it('a note moved to another entry of the same case does not open', async () => {
    const c = await create({
      name: 'Notes Owner',
      notes_section: [{ note_text: 'first' }, { note_text: 'second' }],
    });
    const doc = await raw(c.id);
    const [n1, n2] = doc.notes_section as { note_text: unknown; unique_id: string }[];
    await writeRaw({ ...doc, notes_section: [{ ...n1, note_text: n2?.note_text }, n2] });
    expect((await t.call('GET', `/api/v2/cases/${c.id}`, { token })).status).toBe(500);
  });
});

describe('search without plaintext (blind index)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create({ name: 'Amína Mensah-Owusu', name_nickname: 'Mimi' })).id;
  });
  const found = async (query: string) => {
    const res = await t.call('GET', `/api/v2/cases?query=${encodeURIComponent(query)}&per=100`, { token });
    expect(res.status).toBe(200);
    return res.body.data.some((c: { id: string }) => c.id === id);
  };

  it('finds a name whatever the case or accents, in any word order', async () => {
    expect(await found('amina')).toBe(true);
    expect(await found('AMINA')).toBe(true);
    expect(await found('Amína')).toBe(true);
    expect(await found('owusu amina')).toBe(true);
    expect(await found('mimi')).toBe(true);
  });

  it('needs every word to match, and whole words', async () => {
    expect(await found('amina kwame')).toBe(false);
    expect(await found('mens')).toBe(false);
  });

  it('keeps the index current when the name changes', async () => {
    await t.call('PATCH', `/api/v2/cases/${id}`, {
      token,
      body: { data: { name: 'Akua Boateng', name_nickname: null } },
    });
    expect(await found('amina')).toBe(false);
    expect(await found('boateng')).toBe(true);
  });
});

describe('key rotation', () => {
  it('new writes use the new version; records sealed with the old one still open', async () => {
    const before = await create({ name: 'Before Rotation', address_current: 'Old Town' });
    const oldVersion = (await raw(before.id)).key_version;
    const rotated = await t.app.dataKeys.rotate('GH');
    expect(rotated.version).not.toBe(oldVersion);
    const after = await create({ name: 'After Rotation' });
    expect((await raw(after.id)).key_version).toBe(rotated.version);
    expect((await t.call('GET', `/api/v2/cases/${before.id}`, { token })).body.data.address_current).toBe(
      'Old Town',
    );
    await t.call('PATCH', `/api/v2/cases/${before.id}`, { token, body: { data: { risk_level: 'low' } } });
    const resealed = await raw(before.id);
    expect(resealed.key_version).toBe(rotated.version);
    expect(resealed.address_current).toMatchObject({ k: rotated.version });
  });
});

describe('account credentials', () => {
  it('TOTP secrets are sealed in Cosmos and still verify codes', async () => {
    const { resource } = await t.app.containers.users.item('user-admin_gh', ['*', 'user-admin_gh']).read();
    expect(resource.totp_secret).toMatchObject({ $enc: 'aes-256-gcm' });
    expect(JSON.stringify(resource)).not.toContain('PRIMERODEMOSECRET');
    expect(resource.password_hash).toMatch(/^\$argon2id\$/);
    await expect(t.login('admin_gh')).resolves.toEqual(expect.any(String));
  });
});
