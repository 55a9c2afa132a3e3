import { useEffect, useRef, useState } from 'preact/hooks';
import { NetworkError, type CaseRecord } from '../api';
import { queueUpload, upload } from '../attachments';
import { dropNewCase, keepNewCase, readNewCase, typedNewCase, type NewCaseFields } from '../caseDraft';
import { casework, type Me } from '../caseworkApi';
import { loadCaseForms } from '../forms/serverForms';
import { queueCreate } from '../sync';
import { formatDate, useLocale, useT } from '../i18n/locale';
import { holdUnsaved } from '../unsavedGuard';
import type { Vault } from '../vault';
import { RiskOptions, SexOptions } from './choices';
import { useFieldRefusals } from './fieldRefusals';
import { useOneAtATime } from './oneAtATime';

/** The fields of this form, by the name the server gives them in a refusal. */
const FIELD_IDS: Record<string, string> = {
  name: 'new-name',
  sex: 'new-sex',
  age: 'new-age',
  risk_level: 'new-risk',
};

const EMPTY: NewCaseFields = { consent: false, disclosure: false, name: '', sex: '', age: '', risk: '' };

/**
 * A new case, consent questions first. The case gets its id here, so one made offline keeps it on the
 * server; its photo follows it (at once online, from the vault by the next sync offline).
 */
export function NewCase(props: {
  vault: Vault;
  online: boolean;
  me?: Me;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [fields, setFields] = useState<NewCaseFields>(EMPTY);
  const typedAt = useRef<string | undefined>(undefined);
  const { consent, disclosure, name, sex, age, risk } = fields;
  const set =
    <K extends keyof NewCaseFields>(field: K) =>
    (value: NewCaseFields[K]) => {
      // Typed now: the draft says so (a restored one keeps the time it was typed until then).
      typedAt.current = undefined;
      setFields((now) => ({ ...now, [field]: value }));
    };
  const [photo, setPhoto] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState('');
  // One submission at a time, under one id for the case this form registers: a second tap, or a retry after a
  // failure, sends the same create and gets the same case back (client ids are idempotent), never a twin.
  const once = useOneAtATime();
  const [caseId, setCaseId] = useState<string>(() => crypto.randomUUID());
  // What is typed is kept on the device as it is typed (caseDraft.ts): the lock, a reload or a phone
  // switched off no longer loses a registration half done. It comes back here, under its id.
  const [draftRead, setDraftRead] = useState(false);
  const [keptAt, setKeptAt] = useState<string>();
  const registered = useRef(false);
  const typed = typedNewCase(fields);
  useEffect(() => {
    void readNewCase(props.vault)
      .then((draft) => {
        if (!draft) return;
        setFields((now) => (typedNewCase(now) ? now : draft.fields));
        setCaseId(draft.id);
        typedAt.current = draft.at;
        setKeptAt(draft.at);
      })
      .catch(() => undefined)
      .finally(() => setDraftRead(true));
  }, [props.vault]);
  useEffect(() => {
    if (!draftRead || registered.current) return;
    const write = typed
      ? keepNewCase(props.vault, { id: caseId, fields, at: typedAt.current ?? new Date().toISOString() })
      : dropNewCase(props.vault);
    write.catch(() => undefined);
  }, [fields, draftRead]);
  useEffect(() => {
    holdUnsaved(typed ? t('new.leaveUnsaved') : undefined, () => void dropNewCase(props.vault));
    return () => holdUnsaved(undefined);
  }, [typed, props.vault]);
  const discard = () => {
    void dropNewCase(props.vault).catch(() => undefined);
    typedAt.current = undefined;
    setKeptAt(undefined);
    setFields(EMPTY);
    setPhoto(undefined);
    // Nothing was created under the old id as far as this screen knows; a new one keeps the next child
    // from ever being answered with a case sent under it before a reload.
    setCaseId(crypto.randomUUID());
  };
  // The server's refusals at the fields they name (a name too long), not only above the button.
  const refusals = useFieldRefusals(FIELD_IDS);
  const moduleId = props.me?.module_unique_ids?.[0] ?? 'primeromodule-cp';
  // A photo box on a form the role may not see would refuse the photo after the case is made.
  const [photoBox, setPhotoBox] = useState(true);
  useEffect(() => {
    void loadCaseForms(props.vault, props.online).then((forms) =>
      setPhotoBox(forms.upload_boxes?.[moduleId]?.includes('photos') ?? true),
    );
  }, [props.vault, props.online, moduleId]);

  const submit = (e: Event) => {
    e.preventDefault();
    void once.run(create);
  };
  const create = async () => {
    setError('');
    refusals.clear();
    const data: Record<string, unknown> = {
      id: caseId,
      module_id: moduleId,
      status: 'open',
      consent_for_services: consent,
      disclosure_other_orgs: disclosure,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(sex ? { sex } : {}),
      ...(age ? { age: Number(age) } : {}),
      ...(risk ? { risk_level: risk } : {}),
    };
    try {
      let created: CaseRecord | undefined;
      try {
        if (!props.online) throw new NetworkError('offline');
        created = (await casework.createCase(data)).data;
        await props.vault.put('records', created.id, created);
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        await queueCreate(props.vault, data as CaseRecord);
      }
      const id = data.id as string;
      if (photo && photoBox) {
        try {
          if (!created) throw new NetworkError('offline');
          setProgress(0);
          await upload(
            'cases',
            id,
            'photos',
            { name: photo.name, type: photo.type, body: photo },
            setProgress,
          );
        } catch (err) {
          if (!(err instanceof NetworkError)) throw err;
          await queueUpload(props.vault, 'cases', id, 'photos', photo);
        }
      }
      registered.current = true;
      holdUnsaved(undefined);
      await dropNewCase(props.vault).catch(() => undefined);
      props.onCreated(id);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('new.failed'));
      refusals.take(err);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <main>
      <button class="link" onClick={props.onCancel}>
        {t('case.back')}
      </button>
      <h1>{t('new.title')}</h1>
      {!props.online && <p class="notice">{t('new.offline')}</p>}
      {keptAt && typed && (
        <div role="status" class="notice">
          <p>{t('new.draftKept', { time: formatDate(locale, keptAt, true) })}</p>
          {fields.photo && !photo && <p>{t('new.photoAgain', { name: fields.photo })}</p>}
          <button type="button" class="secondary" onClick={discard}>
            {t('new.discardDraft')}
          </button>
        </div>
      )}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('new.consent')}</legend>
          <p class="tick">
            <label for="new-consent">{t('new.consentServices')}</label>
            <input
              id="new-consent"
              type="checkbox"
              checked={consent}
              onChange={(e) => set('consent')(e.currentTarget.checked)}
            />
          </p>
          <p class="tick">
            <label for="new-disclosure">{t('new.consentShare')}</label>
            <input
              id="new-disclosure"
              type="checkbox"
              checked={disclosure}
              onChange={(e) => set('disclosure')(e.currentTarget.checked)}
            />
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('new.child')}</legend>
          <label for="new-name">{t('new.name')}</label>
          <input
            id="new-name"
            value={name}
            onInput={(e) => set('name')(e.currentTarget.value)}
            {...refusals.marks('new-name')}
          />
          {refusals.below('new-name')}
          <label for="new-sex">{t('field.sex')}</label>
          <select
            id="new-sex"
            value={sex}
            onChange={(e) => set('sex')(e.currentTarget.value)}
            {...refusals.marks('new-sex')}
          >
            <SexOptions empty="new.notRecorded" />
          </select>
          {refusals.below('new-sex')}
          <label for="new-age">{t('new.age')}</label>
          <input
            id="new-age"
            type="number"
            min={0}
            max={130}
            inputMode="numeric"
            value={age}
            onInput={(e) => set('age')(e.currentTarget.value)}
            {...refusals.marks('new-age')}
          />
          {refusals.below('new-age')}
          <label for="new-risk">{t('field.risk')}</label>
          <select
            id="new-risk"
            value={risk}
            onChange={(e) => set('risk')(e.currentTarget.value)}
            {...refusals.marks('new-risk')}
          >
            <RiskOptions empty="new.notAssessed" />
          </select>
          {refusals.below('new-risk')}
          {photoBox && (
            <>
              <label for="new-photo">{t('files.photo')}</label>
              <input
                key={caseId}
                id="new-photo"
                type="file"
                accept="image/*"
                capture="environment"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  setPhoto(file);
                  set('photo')(file?.name);
                }}
              />
            </>
          )}
        </fieldset>
        {progress !== undefined && (
          <p>
            <label for="new-progress">{t('new.uploading')}</label>
            <progress id="new-progress" max={1} value={progress} />
          </p>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={once.busy}>
          {t('new.create')}
        </button>
      </form>
    </main>
  );
}
