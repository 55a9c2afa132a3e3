import { useEffect, useState } from 'preact/hooks';
import { NetworkError } from '../api';
import {
  attachmentsOf,
  pendingBlob,
  pendingUploads,
  queueUpload,
  removeAttachment,
  upload,
  type Attachment,
  type AttachmentField,
  type PendingUpload,
} from '../attachments';
import { loadCaseForms, sectionsFor, type FormGrants, type FormSet } from '../forms/serverForms';
import { t as text } from '../forms/types';
import { uploadBoxGroups, type UploadBox } from '../forms/uploadBoxes';
import { useLocale, useT } from '../i18n/locale';
import type { Vault } from '../vault';
import { Preview, UploadBoxField, useBoxLabel, type BoxStatus } from './UploadBoxField';

/**
 * The record's files, in the upload boxes of the forms the user may read, grouped by their section (the
 * built-in boxes the forms do not list come last). Online a file is uploaded at once with its progress
 * shown; offline (or when the upload cannot reach the server) it is sealed in the vault and sent by the
 * next sync, whichever box it is for.
 */
export function Attachments(props: {
  recordType: string;
  record: Record<string, unknown> & { id: string };
  vault: Vault;
  online: boolean;
  canRemove: boolean;
  /** The role's grant per form: a box on a form it may only read lists its files and takes none. */
  grants?: FormGrants;
  onChanged: () => void;
}) {
  const { recordType, record, vault } = props;
  const t = useT();
  const locales = useLocale();
  const boxLabel = useBoxLabel(locales);
  const [forms, setForms] = useState<FormSet>();
  // What the last action on a box came to, shown at that box (not under the last one).
  const [status, setStatus] = useState<BoxStatus & { box: string }>();
  const [waiting, setWaiting] = useState<PendingUpload[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void loadCaseForms(vault, props.online).then(setForms);
  }, [vault, props.online]);

  useEffect(() => {
    const read = () => void pendingUploads(vault, record.id).then(setWaiting);
    read();
    // The background sync sends them while the case is open: the list follows, not only on reopening.
    return vault.onChange((store) => store === 'meta' && read());
  }, [vault, record.id, tick, props.online]);

  const add = async (field: AttachmentField, files: FileList | null) => {
    const say = (text: string, error = false) => setStatus({ box: field, text, error });
    const refused: string[] = [];
    for (const file of Array.from(files ?? [])) {
      try {
        if (!props.online) throw new NetworkError('offline');
        const uploading = (value: number) =>
          setStatus({ box: field, text: '', progress: { name: file.name, value } });
        uploading(0);
        await upload(
          recordType,
          record.id,
          field,
          { name: file.name, type: file.type, body: file },
          uploading,
        );
        say(t('files.uploaded', { name: file.name }));
      } catch (error) {
        if (error instanceof NetworkError) {
          await queueUpload(vault, recordType, record.id, field, file);
          say(t('files.kept', { name: file.name }));
        } else {
          const message = error instanceof Error ? error.message : t('error.generic');
          refused.push(t('files.notUploaded', { name: file.name, message }));
        }
      }
    }
    // A refusal stays in view: the files picked after it do not speak over it.
    if (refused.length) say(refused.join(' '), true);
    setTick((n) => n + 1);
    props.onChanged();
  };

  const remove = async (a: Attachment) => {
    if (!confirm(t('files.confirmRemove', { name: a.file_name }))) return;
    try {
      await removeAttachment(recordType, record.id, a.id);
      setStatus({ box: a.field_name, text: t('files.removed', { name: a.file_name }) });
      props.onChanged();
    } catch (error) {
      const text = error instanceof Error ? error.message : t('files.notRemoved');
      setStatus({ box: a.field_name, text, error: true });
    }
  };

  if (!forms) return null;
  const files = attachmentsOf(record);
  const groups = uploadBoxGroups(
    sectionsFor(forms, record.module_id, props.grants),
    [...new Set(files.map((a) => a.field_name))],
    forms.upload_boxes?.[String(record.module_id)],
  );
  const boxes = groups.flatMap((g) => g.boxes);
  const box = (name: string): UploadBox => boxes.find((b) => b.name === name) ?? { name };
  return (
    <section class="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('files.title')}</h2>
      {groups.map((group) => (
        <div key={group.section?.unique_id ?? ''} class="box-group">
          {/* The section's name, or "Other files" when sections come before them. */}
          {(group.section || groups.length > 1) && (
            <h3>{group.section ? text(group.section.name, locales) : t('files.other')}</h3>
          )}
          {group.boxes.map((b) => {
            const editable =
              group.section?.editable !== false && b.field?.editable !== false && !b.field?.disabled;
            return (
              <UploadBoxField
                key={b.name}
                box={b}
                files={files.filter((a) => a.field_name === b.name)}
                locales={locales}
                online={props.online}
                canAdd={editable}
                canRemove={props.canRemove && editable}
                onAdd={(list) => add(b.name, list)}
                status={status?.box === b.name ? status : undefined}
                onRemove={(a) => void remove(a)}
                onDownloadFailed={() =>
                  setStatus({ box: b.name, text: t('files.downloadFailed'), error: true })
                }
              />
            );
          })}
        </div>
      ))}
      {waiting.length > 0 && (
        <>
          <h3>{t('files.waiting')}</h3>
          <ul class="files">
            {waiting.map((u) => (
              <li key={u.id}>
                {u.content_type.startsWith('image/') && <Preview blob={pendingBlob(u)} />}
                <span>
                  {u.file_name} <span class="muted">({boxLabel(box(u.field_name))})</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
