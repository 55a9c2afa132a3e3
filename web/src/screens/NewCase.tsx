import { useEffect, useState } from 'preact/hooks';
import { NetworkError, type CaseRecord } from '../api';
import { queueUpload, upload } from '../attachments';
import { casework, type Me } from '../caseworkApi';
import { loadCaseForms } from '../forms/serverForms';
import { queueCreate } from '../sync';
import { useT } from '../i18n/locale';
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
  const [consent, setConsent] = useState(false);
  const [disclosure, setDisclosure] = useState(false);
  const [name, setName] = useState('');
  const [sex, setSex] = useState('');
  const [age, setAge] = useState('');
  const [risk, setRisk] = useState('');
  const [photo, setPhoto] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState('');
  // One submission at a time, under one id for the case this form registers: a second tap, or a retry after a
  // failure, sends the same create and gets the same case back (client ids are idempotent), never a twin.
  const once = useOneAtATime();
  const [caseId] = useState(() => crypto.randomUUID());
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
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('new.consent')}</legend>
          <p class="tick">
            <label for="new-consent">{t('new.consentServices')}</label>
            <input
              id="new-consent"
              type="checkbox"
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
          </p>
          <p class="tick">
            <label for="new-disclosure">{t('new.consentShare')}</label>
            <input
              id="new-disclosure"
              type="checkbox"
              checked={disclosure}
              onChange={(e) => setDisclosure(e.currentTarget.checked)}
            />
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('new.child')}</legend>
          <label for="new-name">{t('new.name')}</label>
          <input
            id="new-name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            {...refusals.marks('new-name')}
          />
          {refusals.below('new-name')}
          <label for="new-sex">{t('field.sex')}</label>
          <select
            id="new-sex"
            value={sex}
            onChange={(e) => setSex(e.currentTarget.value)}
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
            onInput={(e) => setAge(e.currentTarget.value)}
            {...refusals.marks('new-age')}
          />
          {refusals.below('new-age')}
          <label for="new-risk">{t('field.risk')}</label>
          <select
            id="new-risk"
            value={risk}
            onChange={(e) => setRisk(e.currentTarget.value)}
            {...refusals.marks('new-risk')}
          >
            <RiskOptions empty="new.notAssessed" />
          </select>
          {refusals.below('new-risk')}
          {photoBox && (
            <>
              <label for="new-photo">{t('files.photo')}</label>
              <input
                id="new-photo"
                type="file"
                accept="image/*"
                capture="environment"
                onChange={(e) => setPhoto(e.currentTarget.files?.[0])}
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
