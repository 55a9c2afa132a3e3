import { randomUUID } from 'node:crypto';
import { changeFormGrants } from '../support/formGrants';
import { startTestApp, type ApiResult, type TestApp } from '../support/testApp';

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

describe('list parameters', () => {
  it('says what a list takes in the language the app shows', async () => {
    const list = (query: string) =>
      t.call('GET', `/api/v2/cases?${query}`, { token: cw, headers: { 'Accept-Language': 'fr' } });
    const answers = [await list('age=15..10'), await list('per=0'), await list('age=..')];
    expect(answers.map((r) => [r.status, r.body.errors[0].message])).toEqual([
      [400, 'age commence après sa fin\u202f: écrivez d’abord la borne inférieure (de..à)'],
      [400, 'per doit être un nombre entier, 1 ou plus'],
      [400, 'age demande au moins une borne'],
    ]);
  });
});

describe('acting country', () => {
  it('says how to pick a country, and that one is not theirs, in the language the app shows', async () => {
    const regional = await t.login('regional'); // works in GH and KE
    const list = (headers: Record<string, string>) =>
      t.call('GET', '/api/v2/cases', { token: regional, headers: { 'Accept-Language': 'fr', ...headers } });
    const answers = [
      await list({}),
      await list({ 'X-Country-Code': 'Ghana' }),
      await list({ 'X-Country-Code': 'ZZ' }),
    ];
    expect(answers.map((r) => [r.status, r.body.errors[0].message])).toEqual([
      [400, 'Vous travaillez dans plusieurs pays\u202f: indiquez lequel avec l’en-tête X-Country-Code'],
      [400, 'X-Country-Code doit être un code ISO 3166-1 alpha-2'],
      [403, 'Vous ne travaillez pas dans le pays ZZ'],
    ]);
  });
});

describe('bulk actions', () => {
  it('a case a bulk assign could not take says why in the language the app shows', async () => {
    const assigned = await t.call('POST', '/api/v2/cases', {
      token: cw,
      body: { data: { name: 'Assigné' } },
    });
    const elsewhere = randomUUID(); // no such case
    const res = await t.call('POST', '/api/v2/cases/assigns', {
      token: await t.login('sup_gh'),
      headers: { 'Accept-Language': 'fr' },
      body: { data: { ids: [assigned.body.data.id, elsewhere], transitioned_to: 'cw2_gh' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.errors).toEqual([
      {
        status: 404,
        resource: `/api/v2/cases/${elsewhere}/assigns`,
        detail: 'ids',
        message: 'Dossier introuvable',
      },
    ]);
  });
});

describe('sync receipts', () => {
  it('a replayed refusal answers in the language of the replay, from the receipt', async () => {
    const mutation = {
      mutation_id: randomUUID(),
      op: 'update',
      id: caseId,
      base_version: version,
      changes: { age: 200 },
    };
    const push = (language?: string) =>
      t.call('POST', '/api/v2/sync/cases', {
        token: cw,
        headers: language ? { 'Accept-Language': language } : {},
        body: { data: [mutation] },
      });
    const first = await push('fr');
    expect(first.body.data[0]).toMatchObject({ result: 'rejected' });
    expect(first.body.data[0].errors[0].message).toBe('doit être au plus 130');
    const replays = [await push('ar'), await push()];
    expect(replays.map((r) => r.body.data[0].result)).toEqual(['duplicate', 'duplicate']);
    expect(replays.map((r) => r.body.data[0].errors)).toEqual([
      [{ status: 422, resource: '/api/v2/sync/cases', detail: 'age', message: 'يجب ألا يزيد عن 130' }],
      [{ status: 422, resource: '/api/v2/sync/cases', detail: 'age', message: 'must be at most 130' }],
    ]);
  });

  it('a field held for review says so in the language of the push, and of each replay', async () => {
    // The caseworker role may read the consent form, not edit it: an offline change to it is held.
    const admin = await t.login('admin_gh');
    let before = '';
    await changeFormGrants(t, admin, 'role-cp-caseworker', (grants) => {
      before = grants.consent ?? '';
      return { ...grants, consent: 'r' };
    });
    const created = await t.call('POST', '/api/v2/cases', { token: cw, body: { data: { name: 'Gardé' } } });
    const mutation = {
      mutation_id: randomUUID(),
      op: 'update',
      id: created.body.data.id,
      base_version: created.body.data.version,
      changes: { name: 'Gardée', consent_for_services: true },
    };
    const push = (language?: string) =>
      t.call('POST', '/api/v2/sync/cases', {
        token: cw,
        headers: language ? { 'Accept-Language': language } : {},
        body: { data: [mutation] },
      });
    const held = (res: ApiResult) => res.body.data[0].held;
    const first = await push('fr');
    expect(first.body.data[0].result).toBe('applied');
    expect(held(first)).toEqual([
      {
        field: 'consent_for_services',
        message:
          'est sur un formulaire que votre rôle ne peut pas modifier\u202f: gardé sur le dossier pour examen',
      },
    ]);
    expect(held(await push('ar'))).toEqual([
      { field: 'consent_for_services', message: 'على نموذج لا يسمح دورك بتعديله: محفوظ في السجل للمراجعة' },
    ]);
    expect(held(await push())).toEqual([
      {
        field: 'consent_for_services',
        message: 'is on a form your role may not edit: kept on the record for review',
      },
    ]);
    await changeFormGrants(t, admin, 'role-cp-caseworker', (grants) => ({ ...grants, consent: before }));
  });

  it('a receipt stored before messages had keys answers in the English it holds', async () => {
    const mutationId = randomUUID();
    const stored = {
      status: 422,
      resource: '/api/v2/sync/cases',
      detail: 'age',
      message: 'must be at most 130',
    };
    // As an older version stored it: the English text only.
    await t.app.receipts.claim('GH', caseId, 'cw_gh', mutationId);
    await t.app.receipts.complete('GH', caseId, 'cw_gh', {
      mutation_id: mutationId,
      result: 'rejected',
      errors: [stored],
    });
    const replay = await t.call('POST', '/api/v2/sync/cases', {
      token: cw,
      headers: { 'Accept-Language': 'fr' },
      body: {
        data: [{ mutation_id: mutationId, op: 'update', id: caseId, base_version: version, changes: {} }],
      },
    });
    expect(replay.body.data[0]).toMatchObject({ result: 'duplicate', errors: [stored] });
  });
});

describe('casework and sign-in', () => {
  // The same request in French, in Arabic and without a language: [status, ...[detail, message]] of each.
  const inEach = async (send: (headers: Record<string, string>) => Promise<ApiResult>) => {
    const answers = [];
    for (const language of ['fr-FR', 'ar', undefined]) {
      const res = await send(language ? { 'Accept-Language': language } : {});
      answers.push([
        res.status,
        ...res.body.errors.map((e: { detail?: string; message: string }) => [e.detail, e.message]),
      ]);
    }
    return answers;
  };

  it('a flag without a reason says the reason is required', async () => {
    const answers = await inEach((headers) =>
      t.call('POST', `/api/v2/cases/${caseId}/flags`, {
        token: cw,
        headers,
        body: { data: { message: '  ' } },
      }),
    );
    expect(answers).toEqual([
      [422, ['data.message', 'est obligatoire']],
      [422, ['data.message', 'مطلوب']],
      [422, ['data.message', 'is required']],
    ]);
  });

  it('a wrong password says so, the same whether the account exists or not', async () => {
    const answers = await inEach((headers) =>
      t.call('POST', '/api/v2/tokens', {
        headers,
        body: { user: { user_name: `nobody-${randomUUID().slice(0, 8)}`, password: 'not the password' } },
      }),
    );
    expect(answers).toEqual([
      [401, [undefined, "Nom d'utilisateur, mot de passe ou code de vérification incorrect"]],
      [401, [undefined, 'اسم المستخدم أو كلمة المرور أو رمز التحقق غير صحيح']],
      [401, [undefined, 'Invalid user name, password or verification code']],
    ]);
    const wrong = await t.call('POST', '/api/v2/tokens', {
      headers: { 'Accept-Language': 'fr' },
      body: { user: { user_name: 'cw2_gh', password: 'not the password' } },
    });
    expect(wrong.body.errors[0].message).toBe(answers[0]?.[1]?.[1]);
  });

  it('a referral without consent says a referral needs consent', async () => {
    const answers = await inEach((headers) =>
      t.call('POST', `/api/v2/cases/${caseId}/referrals`, {
        token: cw,
        headers,
        body: { data: { transitioned_to: 'cw2_gh' } },
      }),
    );
    expect(answers).toEqual([
      [
        422,
        [
          'consent_for_services',
          "l'enfant (ou la personne qui en a la charge) n'a pas consenti aux services\u202f: un renvoi exige ce consentement",
        ],
      ],
      [
        422,
        [
          'consent_for_services',
          'لم يوافق الطفل (أو مقدّم الرعاية) على الخدمات: الإحالة تحتاج إلى هذه الموافقة',
        ],
      ],
      [
        422,
        [
          'consent_for_services',
          'the child (or caregiver) has not consented to services: a referral needs consent',
        ],
      ],
    ]);
  });

  it('an approval that is not pending in French, a password too short in Arabic', async () => {
    const approve = await t.call('PATCH', `/api/v2/cases/${caseId}/approvals/case_plan`, {
      token: await t.login('sup_gh'),
      headers: { 'Accept-Language': 'fr' },
      body: { data: { approval_status: 'approved' } },
    });
    expect([approve.status, approve.body.errors[0].message]).toEqual([
      422,
      "aucune demande d'approbation n'est en attente",
    ]);
    const short = await t.call('PATCH', '/api/v2/users/me', {
      token: cw,
      headers: { 'Accept-Language': 'ar' },
      body: { data: { password: 'short', current_password: 'x' } },
    });
    expect([short.status, short.body.errors[0].detail, short.body.errors[0].message]).toEqual([
      422,
      'password',
      'يجب ألا يقل عن 12 حرفًا',
    ]);
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

describe('malformed requests', () => {
  const fr = { 'Accept-Language': 'fr' };
  it.each([
    [
      'an unknown query parameter',
      'GET',
      '/api/v2/sync/cases?colour=red',
      {},
      'Paramètre de requête inconnu\u202f: colour',
    ],
    [
      'a cursor this server did not give',
      'GET',
      '/api/v2/sync/cases?cursor=abc',
      {},
      'cursor n’est pas un curseur donné par ce serveur\u202f: recommencez sans curseur',
    ],
    [
      'a page size out of range',
      'GET',
      '/api/v2/sync/cases?per=0',
      {},
      'per doit être un nombre entier de 1 à 1000',
    ],
    [
      'a page beyond what a list serves',
      'GET',
      '/api/v2/cases?page=11&per=1000',
      {},
      'page × per ne peut pas dépasser 10000\u202f: resserrez les filtres, ou utilisez /api/v2/sync pour tout télécharger',
    ],
    [
      'a body that is not JSON',
      'POST',
      '/api/v2/cases',
      { rawBody: Buffer.from('{"data":'), headers: { 'Content-Type': 'application/json' } },
      'Le contenu envoyé n’est pas du JSON valide',
    ],
  ])('%s is told in the language asked', async (_label, method, path, extra, message) => {
    const { headers = {}, ...rest } = extra as { headers?: Record<string, string>; rawBody?: Buffer };
    const res = await t.call(method as 'GET', path, { token: cw, headers: { ...fr, ...headers }, ...rest });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe(message);
    const english = await t.call(method as 'GET', path, { token: cw, headers, ...rest });
    expect(english.body.errors[0].message).not.toBe(message);
  });

  it('says in French which filters a list takes when it is given one it does not know', async () => {
    const res = await t.call('GET', '/api/v2/cases?colour=red', { token: cw, headers: fr });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(
      /^Paramètre de requête inconnu\u202f: colour\u202f; les cases se filtrent par short_id, .*case_id_display.* et par les champs filtrables des formulaires que votre rôle lit \(GET \/api\/v2\/users\/\{id\}\?extended=true les liste\)$/,
    );
  });
});
