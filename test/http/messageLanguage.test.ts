import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/testApp';

// The web app sends the language on screen (Accept-Language); the server answers in it when it has
// messages in that language, else in the user's stored locale. Nothing a caseworker sent is repeated.
let t: TestApp;
let cw: string;
let caseId: string;
let version: number;
beforeAll(async () => {
  t = await startTestApp({ ATTACHMENTS_CONTAINER: 'attachments-message-language' });
  cw = await t.login('cw_gh');
  const created = await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Langue' } } });
  caseId = created.body.data.id;
  version = created.body.data.version;
});
afterAll(() => t.close());

const messages = (body: { errors: { detail?: string; message: string }[] }) =>
  body.errors.map((e) => [e.detail, e.message]);
const patch = (data: Record<string, unknown>, language?: string) =>
  t.call('PATCH', `/api/v2/cases/${caseId}`, {
    token: cw,
    body: { data },
    headers: language ? { 'Accept-Language': language } : {},
  });

describe('record validation', () => {
  it('answers in the language the app shows, though the stored locale is English', async () => {
    const res = await patch({ age: -1, sex: 'x', estimated: 'yes', note: 1 }, 'fr-FR,fr;q=0.9,en;q=0.8');
    expect(res.status).toBe(422);
    expect(messages(res.body)).toEqual([
      ['age', 'doit être au moins 0'],
      ['sex', "n'est pas une des options"],
      ['estimated', 'doit être true ou false'],
      ['note', "n'est pas un champ de ce formulaire"],
    ]);
    const ar = await patch({ age: 200, name: 'x'.repeat(501) }, 'ar');
    expect(messages(ar.body)).toEqual([
      ['age', 'يجب ألا يزيد عن 130'],
      ['name', 'يجب ألا يتجاوز 500 حرفًا'],
    ]);
  });

  it('falls back to the stored locale for a language without messages, and English without either', async () => {
    expect((await patch({ age: -1 }, 'sw')).body.errors[0].message).toBe('must be at least 0');
    await t.call('PATCH', '/api/v2/users/me', { token: cw, body: { data: { locale: 'fr' } } });
    try {
      expect((await patch({ age: -1 }, 'sw, de;q=0.5')).body.errors[0].message).toBe('doit être au moins 0');
      expect((await patch({ age: -1 }, 'en')).body.errors[0].message).toBe('must be at least 0');
    } finally {
      await t.call('PATCH', '/api/v2/users/me', { token: cw, body: { data: { locale: 'en' } } });
    }
  });

  it('a refused sync mutation says why in the language the app shows', async () => {
    const res = await t.call('POST', '/api/v2/sync/cases', {
      token: cw,
      headers: { 'Accept-Language': 'fr' },
      body: {
        data: [
          {
            mutation_id: randomUUID(),
            op: 'update',
            id: caseId,
            base_version: version,
            changes: { notes_section: [{ note_subject: 'Visite', note_text: 'x'.repeat(50_001) }] },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      result: 'rejected',
      errors: [
        expect.objectContaining({
          detail: 'notes_section[0].note_text',
          message: 'doit faire au plus 50000 caractères',
        }),
      ],
    });
  });
});

describe('attachments', () => {
  const upload = (bytes: Buffer, type: string, field: string) =>
    t.call('POST', `/api/v2/cases/${caseId}/attachments?field_name=${field}&file_name=x`, {
      token: cw,
      rawBody: bytes,
      headers: { 'Content-Type': type, 'Accept-Language': 'fr' },
    });

  it('says in French what is wrong with a file, without repeating the type it was sent as', async () => {
    const notPdf = await upload(Buffer.from('MZ not a pdf at all'), 'application/pdf', 'other_documents');
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.errors[0].message).toBe(
      'le contenu du fichier ne correspond pas au type sous lequel il a été envoyé',
    );
    const wrongBox = await upload(Buffer.from('%PDF-1.7\n'), 'application/x-made-up', 'photos');
    expect(wrongBox.status).toBe(415);
    expect(wrongBox.body.errors[0].message).toMatch(
      /^ce type de fichier n'est pas accepté dans photos \(il prend image\//,
    );
    expect(wrongBox.body.errors[0].message).not.toContain('made-up');
  });
});
