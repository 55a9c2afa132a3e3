import { startTestApp, type TestApp } from '../support/testApp';

// A country that names its follow-ups `seguimiento` and its services `servicios`: reminders, alerts, tasks and
// the workflow find them by the role the forms give them (docs/api.md, "Field roles"), not by today's names.
let t: TestApp;
let admin: string;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin_gh');
  cw = await t.login('cw_gh');
  const nested = (unique_id: string, fields: Record<string, unknown>[]) =>
    t.call('POST', '/api/v2/forms', {
      token: admin,
      body: {
        data: {
          unique_id,
          parent_form: 'case',
          module_ids: ['primeromodule-cp'],
          is_nested: true,
          name: { en: unique_id },
          fields,
        },
      },
    });
  const date = (name: string, role: string) => ({
    name,
    type: 'date_field',
    display_name: { en: name },
    role,
  });
  expect(
    (
      await nested('seguimiento_visita', [
        { name: 'tipo_visita', type: 'text_field', display_name: { en: 'Tipo' }, role: 'followup_type' },
        date('fecha_limite', 'followup_due_date'),
        date('fecha_visita', 'followup_done_date'),
      ])
    ).status,
  ).toBe(200);
  expect(
    (
      await nested('servicio_entrada', [
        { name: 'tipo_servicio', type: 'text_field', display_name: { en: 'Tipo' }, role: 'service_type' },
        date('cita', 'service_appointment_date'),
        { name: 'hecho', type: 'tick_box', display_name: { en: 'Hecho' }, role: 'service_implemented' },
      ])
    ).status,
  ).toBe(200);
  const subform = (name: string, nestedId: string, role: string) => ({
    name,
    type: 'subform',
    subform_section_id: nestedId,
    display_name: { en: name },
    role,
  });
  for (const [form, field] of [
    ['followup', subform('seguimiento', 'seguimiento_visita', 'followup_subform')],
    ['services', subform('servicios', 'servicio_entrada', 'services_subform')],
  ] as const) {
    const res = await t.call('PATCH', `/api/v2/forms/${form}`, {
      token: admin,
      body: { data: { fields: [field] } },
    });
    expect(res.status).toBe(200);
  }
});
afterAll(() => t.close());

const day = (offset: number) =>
  new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const create = (data: Record<string, unknown>) =>
  t.call('POST', '/api/v2/cases', { token: cw, body: { data } });
const patch = (id: string, data: Record<string, unknown>) =>
  t.call('PATCH', `/api/v2/cases/${id}`, { token: cw, body: { data } });

describe('renamed follow-up and services subforms', () => {
  it('give reminders, alerts, tasks and the workflow stage', async () => {
    const created = await create({
      name: 'Seguimiento Child',
      seguimiento: [{ tipo_visita: 'casa', fecha_limite: day(-1) }],
      servicios: [{ tipo_servicio: 'salud', cita: day(-2) }],
    });
    expect(created.status).toBe(200);
    const c = created.body.data;
    expect(c.workflow).toBe('service_provision');
    expect(c.reminders.map((r: { type: string }) => r.type).sort()).toEqual(['followup_due', 'service_due']);

    await t.host.invoke('reminders', { isPastDue: false });
    const alerts = (await t.call('GET', `/api/v2/cases/${c.id}/alerts`, { token: cw })).body.data as {
      alert_for: string;
      form_unique_id: string;
    }[];
    expect(alerts.map((a) => [a.alert_for, a.form_unique_id]).sort()).toEqual([
      ['followup_due', 'followup'],
      ['service_due', 'services'],
    ]);

    const tasks = (
      (await t.call('GET', '/api/v2/tasks?per=100', { token: cw })).body.data as Record<string, unknown>[]
    ).filter((task) => task.record_id === c.id);
    expect(tasks.find((task) => task.type === 'follow_up')).toMatchObject({
      completion_field: 'fecha_visita',
      detail: 'casa',
      overdue: true,
    });
    expect(tasks.find((task) => task.type === 'service')).toMatchObject({ detail: 'salud', overdue: true });

    // Done by the renamed fields: the follow-up's visit date, the service's tick box.
    const done = await patch(c.id, {
      seguimiento: [{ unique_id: c.seguimiento[0].unique_id, fecha_visita: day(0) }],
      servicios: [{ unique_id: c.servicios[0].unique_id, hecho: true }],
    });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ workflow: 'services_implemented', reminders: [] });

    // A new service on a closed case reopens it; closing stamps the closure date.
    const closed = await patch(c.id, { status: 'closed' });
    expect(closed.body.data.date_closure).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reopened = await patch(c.id, { servicios: [{ tipo_servicio: 'educacion' }] });
    expect(reopened.body.data).toMatchObject({ status: 'open', workflow: 'service_provision' });
  });

  it("no longer take today's names", async () => {
    const res = await create({ followup_subform_section: [{ followup_needed_by_date: day(-1) }] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ detail: 'followup_subform_section' })]);
  });
});

describe('publishing roles', () => {
  const assessmentFields = async () =>
    (await t.call('GET', '/api/v2/forms/assessment', { token: admin })).body.data.fields as {
      name: string;
      type: string;
      role: string | null;
    }[];
  const publish = (fields: unknown[]) =>
    t.call('PATCH', '/api/v2/forms/assessment', { token: admin, body: { data: { fields } } });

  it('refuses two fields playing one role, naming the second', async () => {
    const fields = (await assessmentFields()).map((f) =>
      f.name === 'assessment_date' ? { ...f, role: 'assessment_due_date' } : f,
    );
    const res = await publish(fields);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        detail: 'assessment.assessment_date',
        message: expect.stringContaining('already played by assessment.assessment_due_date'),
      }),
    ]);
  });

  it('refuses a role on a field of the wrong type, and a subform role outside its subform', async () => {
    const fields = (await assessmentFields()).map((f) =>
      f.name === 'assessment_summary'
        ? { ...f, role: 'closure_date' }
        : f.name === 'assessment_due_date'
          ? { ...f, role: 'followup_due_date' }
          : f,
    );
    const res = await publish(fields);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ detail: 'assessment.assessment_summary' }),
        expect.objectContaining({ detail: 'assessment.assessment_due_date' }),
      ]),
    );
    // Nothing was published: the summary still plays no role (none declared, none by its name).
    const summary = (await assessmentFields()).find((f) => f.name === 'assessment_summary');
    expect(summary).toBeDefined();
    expect(summary?.role ?? null).toBeNull();
  });
});
