import { randomBytes, randomUUID } from 'node:crypto';
import type { CaseDocument } from '../../src/records/recordDocument';
import { cleanUpPendingAttachments } from '../../src/attachments/pendingCleanup';
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { startTestApp, type TestApp } from '../support/testApp';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  randomBytes(2000),
]);
const frame = Buffer.from([0xff, 0xfb, 0x90, 0x64]); // MPEG-1 Layer III frame header
const MP3 = Buffer.concat([
  Buffer.from('ID3'),
  Buffer.from([4, 0, 0, 0, 0, 0, 0]),
  frame,
  Buffer.alloc(413),
  frame,
  randomBytes(3000),
]);
const M4A = Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]),
  Buffer.from('ftypM4A '),
  Buffer.alloc(4),
  Buffer.from('M4A mp42isom'),
  Buffer.alloc(8),
  randomBytes(500),
]);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
  randomBytes(1000),
]);
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n% marker-plaintext-123\n'), randomBytes(size)]);

let t: TestApp;
let token: string;
let caseId: string;
beforeAll(async () => {
  // Its own container: the orphan cleanup below sweeps every pending blob of the container it runs on.
  t = await startTestApp({ ATTACHMENTS_CONTAINER: 'attachments-under-test' });
  token = await t.login('cw_gh');
  caseId = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Attachment Child' } } }))
    .body.data.id;
});
afterAll(() => t.close());

const uploadJson = (data: Record<string, unknown>, record = caseId, as = token) =>
  t.call('POST', `/api/v2/cases/${record}/attachments`, { token: as, body: { data } });
const uploadRaw = (bytes: Buffer, type: string, query: string, record = caseId) =>
  t.call('POST', `/api/v2/cases/${record}/attachments?${query}`, {
    token,
    rawBody: bytes,
    headers: { 'Content-Type': type },
  });
const download = async (id: string, as = token) => {
  const res = await fetch(`${t.url}/api/v2/attachments/${id}`, {
    headers: { Authorization: `Bearer ${as}` },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
};
const container = () => t.app.blob.getContainerClient(t.app.config.ATTACHMENTS_CONTAINER);
const blobName = (id: string, record = caseId) => `GH/case/${record}/${id}`;
// The container is shared with the other test files running alongside: count this case's blobs only.
const blobCount = async (record = caseId) => {
  let n = 0;
  // Uncommitted blocks count too: an aborted upload must not leave staged bytes behind either.
  for await (const _ of container().listBlobsFlat({
    prefix: `GH/case/${record}/`,
    includeUncommitedBlobs: true,
  }))
    n += 1;
  return n;
};

describe('upload and download', () => {
  it('JSON form: a photo as base64 appears on the case and downloads byte for byte', async () => {
    const res = await uploadJson({
      field_name: 'photos',
      attachment_type: 'image',
      file_name: 'face.png',
      content_type: 'image/png',
      description: 'Front',
      attachment: PNG.toString('base64'),
    });
    expect(res.status).toBe(200);
    // Primero's keys beside ours: the record it is on, and comments.
    const { record: on, comments, ...a } = res.body.data;
    expect({ on, comments }).toEqual({ on: { id: caseId }, comments: null });
    expect(a).toMatchObject({
      is_current: true,
      field_name: 'photos',
      file_name: 'face.png',
      content_type: 'image/png',
      size: PNG.length,
      description: 'Front',
      attachment_url: `/api/v2/attachments/${a.id}`,
    });
    const record = await t.call('GET', `/api/v2/cases/${caseId}`, { token });
    expect(record.body.data.photos).toEqual([a]);
    const d = await download(a.id);
    expect(d.status).toBe(200);
    expect(d.bytes.equals(PNG)).toBe(true);
    expect(d.headers.get('content-type')).toBe('image/png');
    expect(d.headers.get('content-disposition')).toMatch(/^attachment; filename="face.png"/);
    expect(d.headers.get('cache-control')).toBe('no-store');
  });

  it('raw form: a 3 MB document streams up and down unchanged, and is ciphertext at rest', async () => {
    const file = pdf(3 * 1024 * 1024);
    const res = await uploadRaw(
      file,
      'application/pdf',
      'field_name=other_documents&file_name=assessment.pdf',
    );
    expect(res.status).toBe(200);
    const id = res.body.data.id as string;
    expect(res.body.data.size).toBe(file.length);
    expect((await download(id)).bytes.equals(file)).toBe(true);
    const blob = container().getBlobClient(blobName(id));
    const stored = await blob.downloadToBuffer();
    expect(stored.length).toBeGreaterThan(file.length);
    expect(stored.includes(Buffer.from('marker-plaintext-123'))).toBe(false);
    expect(stored.includes(file.subarray(100, 132))).toBe(false);
    expect((await blob.getProperties()).metadata).toEqual({ state: 'committed' });
  });

  it('accepts audio and the other image and text types', async () => {
    expect(
      (await uploadRaw(MP3, 'audio/mpeg', 'field_name=recorded_audio&file_name=statement.mp3')).status,
    ).toBe(200);
    expect((await uploadRaw(JPEG, 'image/jpeg', 'field_name=photos&file_name=p.jpg')).status).toBe(200);
    expect(
      (await uploadRaw(M4A, 'audio/mp4', 'field_name=recorded_audio&file_name=statement.m4a')).status,
    ).toBe(200);
    expect(
      (
        await uploadRaw(
          Buffer.from('name,age\nA,5\n'),
          'text/csv',
          'field_name=other_documents&file_name=list.csv',
        )
      ).status,
    ).toBe(200);
  });

  it("takes Primero's documented `type` as well as `attachment_type`, and refuses one the field does not hold", async () => {
    const photo = { field_name: 'photos', file_name: 'side.png', content_type: 'image/png' };
    const res = await uploadJson({ ...photo, type: 'image', attachment: PNG.toString('base64') });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ field_name: 'photos', file_name: 'side.png' });
    for (const key of ['type', 'attachment_type']) {
      const wrong = await uploadJson({ ...photo, [key]: 'audio', attachment: PNG.toString('base64') });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0]).toMatchObject({
        detail: `data.${key}`,
        message: 'photos holds image files',
      });
    }
  });

  it('seals file names and descriptions in Cosmos', async () => {
    const doc = (await t.app.containers.records.item(caseId, ['GH', caseId]).read<CaseDocument>())
      .resource as CaseDocument;
    expect(JSON.stringify(doc)).not.toContain('face.png');
    expect(JSON.stringify(doc)).not.toContain('Front');
  });

  it('a retry with the same attachment id makes no second copy', async () => {
    const id = randomUUID();
    const first = await uploadJson({
      id,
      field_name: 'photos',
      file_name: 'retry.png',
      content_type: 'image/png',
      attachment: PNG.toString('base64'),
    });
    const again = await uploadJson({
      id,
      field_name: 'photos',
      file_name: 'retry.png',
      content_type: 'image/png',
      attachment: PNG.toString('base64'),
    });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    const raw = await uploadRaw(
      PNG,
      'image/png',
      `field_name=photos&file_name=retry.png&attachment_id=${id}`,
    );
    expect(raw.body.data).toEqual(first.body.data);
    const record = await t.call('GET', `/api/v2/cases/${caseId}`, { token });
    expect(record.body.data.photos.filter((p: { id: string }) => p.id === id)).toHaveLength(1);
  });

  /** A raw upload of which only the first `sent` bytes go out, on a connection left open for the caller. */
  const partUpload = (query: string, file: Buffer, sent: number) =>
    new Promise<Socket>((resolve) => {
      const socket = connect(Number(new URL(t.url).port), '127.0.0.1', () => {
        socket.write(
          `POST /api/v2/cases/${caseId}/attachments?${query} HTTP/1.1\r\nHost: localhost\r\n` +
            `Authorization: Bearer ${token}\r\nContent-Type: image/png\r\nContent-Length: ${file.length}\r\n\r\n`,
        );
        socket.write(file.subarray(0, sent), () => setTimeout(() => resolve(socket), 200));
      });
      socket.on('error', () => undefined);
    });

  it('takes a retry sent at once after the connection of the first try broke mid-file', async () => {
    const id = randomUUID();
    const file = Buffer.concat([PNG, randomBytes(3_000_000)]);
    const query = `field_name=photos&file_name=broken.png&attachment_id=${id}`;
    // A phone losing its signal: half the file sent, then the connection gone.
    (await partUpload(query, file, 1_500_000)).destroy();
    const retry = await uploadRaw(file, 'image/png', query);
    expect(retry.status).toBe(200);
    expect(retry.body.data).toMatchObject({ id, size: file.length });
    const got = await download(id);
    expect(got.bytes.equals(file)).toBe(true);
    const record = await t.call('GET', `/api/v2/cases/${caseId}`, { token });
    expect(record.body.data.photos.filter((p: { id: string }) => p.id === id)).toHaveLength(1);
  });

  it('asks a retry to come back later, without storing or refusing it, while the first try is still sending', async () => {
    const id = randomUUID();
    const file = Buffer.concat([PNG, randomBytes(1_000_000)]);
    const query = `field_name=photos&file_name=slow.png&attachment_id=${id}`;
    const slow = await partUpload(query, file, 300_000);
    const meanwhile = await uploadRaw(file, 'image/png', query);
    expect(meanwhile.status).toBe(503);
    expect(meanwhile.headers.get('retry-after')).toBe('5');
    expect(meanwhile.body.errors[0].message).toBe(
      'Another upload of this attachment is still running: send it again in a few seconds',
    );
    slow.destroy();
    const later = await uploadRaw(file, 'image/png', query);
    expect(later.status).toBe(200);
    expect((await download(id)).bytes.equals(file)).toBe(true);
  });

  it('sanitises file names', async () => {
    const res = await uploadRaw(
      PNG,
      'image/png',
      `field_name=photos&file_name=${encodeURIComponent('../../etc/pa\u0000ss"wd<1>.png')}`,
    );
    expect(res.body.data.file_name).toBe('pass_wd_1_.png');
  });

  it('keeps a name with half an emoji downloadable: whole characters only, also where a long name is cut', async () => {
    const upload = (file_name: string) =>
      uploadJson({
        field_name: 'photos',
        attachment_type: 'image',
        file_name,
        content_type: 'image/png',
        attachment: PNG.toString('base64'),
      });
    const lone = await upload('lone\ud800 \ud83d\ude00.png');
    expect(lone.status).toBe(200);
    expect(lone.body.data.file_name).toBe('lone \ud83d\ude00.png');
    const got = await download(lone.body.data.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''lone%20%F0%9F%98%80.png");
    // 1 + 150 emoji + .png: the cut at 200 characters falls inside an emoji.
    const long = await upload(`x${'\ud83d\ude00'.repeat(150)}.png`);
    expect(long.status).toBe(200);
    expect(long.body.data.file_name).toMatch(/^x(\ud83d\ude00)+\.png$/);
    expect((await download(long.body.data.id)).status).toBe(200);
  });

  it('audits every download', async () => {
    const id = (await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=audited.png')).body.data.id;
    await download(id);
    const { resources } = await t.app.containers.audit.items
      .query({
        query: "SELECT * FROM c WHERE c.action = 'attachment_download' AND c.details.attachment_id = @id",
        parameters: [{ name: '@id', value: id }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ user_name: 'cw_gh', country_code: 'GH', record_id: caseId });
  });
});

describe('refusals', () => {
  it('an empty file is a 422, a query naming a box twice or an unknown parameter a 400, and nothing is stored', async () => {
    const before = await blobCount();
    const empty = await uploadRaw(Buffer.alloc(0), 'image/png', 'field_name=photos&file_name=empty.png');
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0]).toMatchObject({ detail: 'attachment', message: 'the file is empty' });
    const twice = await uploadRaw(
      PNG,
      'image/png',
      'field_name=photos&field_name=other_documents&file_name=a.png',
    );
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({
      detail: 'field_name',
      message: 'field_name is given more than once',
    });
    const unknown = await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=a.png&colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].detail).toBe('colour');
    expect(await blobCount()).toBe(before);
  });

  it('415 when the bytes are not the declared type (a renamed .exe), or the type is not accepted in the field', async () => {
    const exe = await uploadRaw(EXE, 'image/png', 'field_name=photos&file_name=cute.png');
    expect(exe.status).toBe(415);
    expect(exe.body.errors[0]).toMatchObject({ status: 415, detail: 'content_type' });
    expect((await uploadRaw(pdf(10), 'application/pdf', 'field_name=photos&file_name=x.pdf')).status).toBe(
      415,
    );
    expect(
      (await uploadRaw(EXE, 'application/x-msdownload', 'field_name=other_documents&file_name=x.exe')).status,
    ).toBe(415);
    expect((await uploadRaw(EXE, 'text/plain', 'field_name=other_documents&file_name=x.txt')).status).toBe(
      415,
    );
    expect(
      (
        await uploadJson({
          field_name: 'photos',
          file_name: 'x.png',
          content_type: 'image/jpeg',
          attachment: PNG.toString('base64'),
        })
      ).status,
    ).toBe(415);
  });

  it('413 above 20 MB, and nothing is left in storage', async () => {
    const before = await blobCount();
    const res = await uploadRaw(
      pdf(20 * 1024 * 1024),
      'application/pdf',
      'field_name=other_documents&file_name=big.pdf',
    );
    expect(res.status).toBe(413);
    expect(await blobCount()).toBe(before);
  });

  it('413 also when the size is only known while streaming (chunked upload), and nothing is left', async () => {
    const before = await blobCount();
    const file = pdf(20 * 1024 * 1024 + 10);
    const res = await fetch(
      `${t.url}/api/v2/cases/${caseId}/attachments?field_name=other_documents&file_name=big.pdf`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf' },
        body: Readable.toWeb(
          Readable.from([file.subarray(0, 1024 * 1024), file.subarray(1024 * 1024)]),
        ) as ReadableStream,
        duplex: 'half',
      } as RequestInit,
    );
    expect(res.status).toBe(413);
    // The blob was being written when the limit was crossed: it is gone again.
    expect(await blobCount()).toBe(before);
  });

  it('a commit refused after the blob is written leaves no blob behind', async () => {
    // A real race, no fake: two uploads pass the 100-attachment check against a record holding 99, both write
    // their blob, and only one can commit; the other's commit is refused (422) once its blob exists.
    const record = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Nearly Full' } } }))
      .body.data.id as string;
    const doc = (await t.app.records.cases.find('GH', record)) as CaseDocument;
    const filler = Array.from({ length: 99 }, (_, i) => ({
      id: randomUUID(),
      unique_id: randomUUID(),
      field_name: 'other_documents',
      file_name: `old-${i}.pdf`,
      content_type: 'application/pdf',
      size: 10,
      date: '2026-01-01T00:00:00.000Z',
      attachment_url: '/api/v2/attachments/x',
    }));
    await t.app.records.cases.replace(
      { ...doc, other_documents: filler } as CaseDocument,
      doc._etag as string,
    );
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const file = pdf(64 * 1024);
    const upload = () =>
      fetch(`${t.url}/api/v2/cases/${record}/attachments?field_name=other_documents&file_name=race.pdf`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf' },
        // Each body is held open until both uploads have read the record and started writing their blob.
        body: Readable.toWeb(
          Readable.from(
            (async function* () {
              yield file.subarray(0, 1024);
              await gate;
              yield file.subarray(1024);
            })(),
          ),
        ) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
    const both = Promise.all([upload(), upload()]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    release();
    const statuses = (await both).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 422]);
    const listed = ((await t.app.records.cases.find('GH', record)) as CaseDocument).other_documents ?? [];
    expect(listed).toHaveLength(100);
    const blobs: string[] = [];
    for await (const b of container().listBlobsFlat({
      prefix: `GH/case/${record}/`,
      includeUncommitedBlobs: true,
    }))
      blobs.push(b.name);
    expect(blobs).toEqual([blobName((listed as { id: string }[]).at(-1)?.id as string, record)]);
  });

  it('400 for bad base64, 422 for a bad or missing field', async () => {
    const bad = await uploadJson({
      field_name: 'photos',
      file_name: 'x.png',
      content_type: 'image/png',
      attachment: 'not base64!!',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].detail).toBe('attachment');
    const field = await uploadJson({
      field_name: 'selfies',
      file_name: 'x.png',
      content_type: 'image/png',
      attachment: PNG.toString('base64'),
    });
    expect(field.status).toBe(422);
    expect(field.body.errors[0].detail).toBe('data.field_name');
    expect((await uploadRaw(PNG, 'image/png', 'file_name=x.png')).status).toBe(422);
  });

  it('422 past 100 attachments on a record', async () => {
    const id = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Full Record' } } }))
      .body.data.id as string;
    const item = t.app.containers.records.item(id, ['GH', id]);
    const { resource } = await item.read<CaseDocument>();
    const photos = Array.from({ length: 100 }, () => {
      const pid = randomUUID();
      return {
        id: pid,
        unique_id: pid,
        field_name: 'photos',
        file_name: 'p.png',
        content_type: 'image/png',
        size: 1,
        date: new Date().toISOString(),
        attachment_url: `/api/v2/attachments/${pid}`,
      };
    });
    await item.replace({ ...resource, photos, attachment_ids: photos.map((p) => p.id) });
    const res = await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=one-too-many.png', id);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toMatch(/at most 100/);
  });
});

describe('who may download', () => {
  let id: string;
  beforeAll(async () => {
    id = (await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=private.png')).body.data.id;
  });

  it('is a 404 for another country, for a caseworker outside the scope, and for unknown ids', async () => {
    expect((await download(id, await t.login('cw_ke'))).status).toBe(404);
    expect((await download(id, await t.login('cw2_gh'))).status).toBe(404);
    expect((await download(randomUUID())).status).toBe(404);
    expect((await download('../../etc/passwd')).status).toBe(404);
  });

  it('works for a supervisor whose group owns the case', async () => {
    expect((await download(id, await t.login('sup_gh'))).status).toBe(200);
  });
});

describe('delete and disable', () => {
  it('DELETE removes the metadata and the blob', async () => {
    const id = (await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=gone.png')).body.data
      .id as string;
    const res = await t.call('DELETE', `/api/v2/cases/${caseId}/attachments/${id}`, { token });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await download(id)).status).toBe(404);
    expect(await container().getBlobClient(blobName(id)).exists()).toBe(false);
    const record = await t.call('GET', `/api/v2/cases/${caseId}`, { token });
    expect(record.body.data.photos.some((p: { id: string }) => p.id === id)).toBe(false);
    expect((await t.call('DELETE', `/api/v2/cases/${caseId}/attachments/${id}`, { token })).status).toBe(404);
  });

  it('disabling the case keeps its attachments', async () => {
    const other = (await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'To Disable' } } }))
      .body.data.id as string;
    const id = (await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=kept.png', other)).body.data
      .id as string;
    await t.call('DELETE', `/api/v2/cases/${other}`, { token });
    const d = await download(id);
    expect(d.status).toBe(200);
    expect(d.bytes.equals(PNG)).toBe(true);
  });
});

describe("the forms' upload boxes", () => {
  it('take files under their own name, of the kind their type holds; other fields take none', async () => {
    const admin = await t.login('admin_gh');
    const form = (await t.call('GET', '/api/v2/forms/basic_identity', { token: admin })).body.data;
    const box = { name: 'fotos_familia', type: 'photo_upload_box', display_name: { en: 'Family photos' } };
    const published = await t.call('PATCH', '/api/v2/forms/basic_identity', {
      token: admin,
      body: { data: { fields: [...form.fields, box] } },
    });
    expect(published.status).toBe(200);
    const record = (
      await t.call('POST', '/api/v2/cases', { token, body: { data: { name: 'Upload Box Child' } } })
    ).body.data.id as string;

    const photo = {
      file_name: 'family.jpg',
      content_type: 'image/jpeg',
      attachment: JPEG.toString('base64'),
    };
    const res = await uploadJson({ ...photo, field_name: 'fotos_familia', attachment_type: 'image' }, record);
    expect(res.status).toBe(200);
    const stored = (await t.call('GET', `/api/v2/cases/${record}`, { token })).body.data;
    expect(stored.fotos_familia).toEqual([
      expect.objectContaining({ id: res.body.data.id, field_name: 'fotos_familia' }),
    ]);
    expect((await download(res.body.data.id)).bytes.equals(JPEG)).toBe(true);
    // A client cannot write the box's list itself.
    expect(
      (await t.call('PATCH', `/api/v2/cases/${record}`, { token, body: { data: { fotos_familia: [] } } }))
        .status,
    ).toBe(422);

    // A photo box holds images; the default forms' document box takes a PDF.
    expect(
      (await uploadRaw(pdf(10), 'application/pdf', 'field_name=fotos_familia&file_name=x.pdf', record))
        .status,
    ).toBe(415);
    const wrongKind = await uploadJson({ ...photo, field_name: 'fotos_familia', type: 'document' }, record);
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors[0]).toMatchObject({
      detail: 'data.type',
      message: 'fotos_familia holds image files',
    });
    expect(
      (await uploadRaw(pdf(10), 'application/pdf', 'field_name=assessment_documents&file_name=a.pdf', record))
        .status,
    ).toBe(200);

    // A field that is not an upload box takes no file.
    const text = await uploadJson({ ...photo, field_name: 'name' }, record);
    expect(text.status).toBe(422);
    expect(text.body.errors[0]).toMatchObject({
      detail: 'data.field_name',
      message: expect.stringContaining('name is not an upload box'),
    });
    expect((await t.call('GET', `/api/v2/cases/${record}`, { token })).body.data.name).toBe(
      'Upload Box Child',
    );
    // Nor does a name every object has (it answered 500).
    for (const field_name of ['constructor', 'toString', '__proto__'])
      expect((await uploadJson({ ...photo, field_name }, record)).status).toBe(422);
  });
});

describe('orphan cleanup', () => {
  it('deletes pending blobs older than a day that no record lists, commits those a record lists, keeps fresh ones', async () => {
    const store = t.app.attachments.store;
    const orphan = {
      country_code: 'GH',
      record_type: 'case',
      record_id: caseId,
      attachment_id: randomUUID(),
    };
    await store.uploadPending(orphan, Readable.from([randomBytes(100)]));
    const listed = (await uploadRaw(PNG, 'image/png', 'field_name=photos&file_name=listed.png')).body.data
      .id as string;
    const listedRef = { ...orphan, attachment_id: listed };
    await store.markPending(listedRef); // as if the upload crashed before clearing the flag
    const deps = { store, repos: t.app.records.repos, clock: t.clock };

    expect(await cleanUpPendingAttachments(deps)).toEqual({ deleted: 0, committed: 0 }); // less than a day old
    t.clock.advance(25 * 60 * 60 * 1000);
    expect(await cleanUpPendingAttachments(deps)).toEqual({ deleted: 1, committed: 1 });
    expect(await container().getBlobClient(blobName(orphan.attachment_id)).exists()).toBe(false);
    expect((await container().getBlobClient(blobName(listed)).getProperties()).metadata).toEqual({
      state: 'committed',
    });
    expect((await download(listed, await t.login('cw_gh'))).status).toBe(200);
    expect(await cleanUpPendingAttachments(deps)).toEqual({ deleted: 0, committed: 0 });
  });
});
