import { useEffect, useState } from 'preact/hooks';
import { NetworkError } from '../api';
import {
  attachmentsOf,
  download,
  objectUrl,
  pendingBlob,
  pendingUploads,
  queueUpload,
  removeAttachment,
  upload,
  type Attachment,
  type AttachmentField,
  type PendingUpload,
} from '../attachments';
import { useLocale, useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import type { Vault } from '../vault';

const PICKERS: {
  field: AttachmentField;
  label: MessageKey;
  accept: string;
  capture?: 'environment' | 'user';
  multiple?: boolean;
}[] = [
  { field: 'photos', label: 'files.photo', accept: 'image/*', capture: 'environment' },
  {
    field: 'other_documents',
    label: 'files.documents',
    accept: '.pdf,.txt,.csv,.docx,.xlsx,image/jpeg,image/png',
    multiple: true,
  },
  { field: 'recorded_audio', label: 'files.audio', accept: 'audio/mpeg,audio/mp4,.mp3,.m4a' },
];
const TITLES: Record<AttachmentField, MessageKey> = {
  photos: 'files.photos',
  other_documents: 'files.documentsTitle',
  recorded_audio: 'files.audioTitle',
};
/** A file's size as the language writes it ("1,5 Mo" in French). */
const size = (locale: string, n: number) =>
  n < 1024 * 1024
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte' }).format(Math.ceil(n / 1024))
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
        n / 1024 / 1024,
      );

/** A thumbnail from the bytes fetched with the token (an <img src> to the API would go unsigned). */
function Preview({ attachment, blob }: { attachment?: Attachment; blob?: Blob }) {
  const t = useT();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    const load = async () => {
      made = blob ? URL.createObjectURL(blob) : attachment ? await objectUrl(attachment) : undefined;
      setUrl(made);
    };
    load().catch(() => undefined);
    return () => made && URL.revokeObjectURL(made);
  }, [attachment, blob]);
  const name = attachment?.file_name ?? 'photo';
  return url ? <img class="thumb" src={url} alt={t('files.preview', { name })} /> : null;
}

/**
 * The record's files by kind. Online a file is uploaded at once with its progress shown; offline (or when
 * the upload cannot reach the server) it is sealed in the vault and sent by the next sync.
 */
export function Attachments(props: {
  recordType: string;
  record: Record<string, unknown> & { id: string };
  vault: Vault;
  online: boolean;
  canRemove: boolean;
  onChanged: () => void;
}) {
  const { recordType, record, vault } = props;
  const t = useT();
  const { locale } = useLocale();
  const [progress, setProgress] = useState<{ name: string; value: number }>();
  const [message, setMessage] = useState('');
  const [waiting, setWaiting] = useState<PendingUpload[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void pendingUploads(vault, record.id).then(setWaiting);
  }, [vault, record.id, tick, props.online]);

  const add = async (field: AttachmentField, files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setMessage('');
      try {
        if (!props.online) throw new NetworkError('offline');
        setProgress({ name: file.name, value: 0 });
        await upload(
          recordType,
          record.id,
          field,
          { name: file.name, type: file.type, body: file },
          (value) => setProgress({ name: file.name, value }),
        );
        setMessage(t('files.uploaded', { name: file.name }));
      } catch (error) {
        if (error instanceof NetworkError) {
          await queueUpload(vault, recordType, record.id, field, file);
          setMessage(t('files.kept', { name: file.name }));
        } else
          setMessage(
            t('files.notUploaded', {
              name: file.name,
              message: error instanceof Error ? error.message : t('error.generic'),
            }),
          );
      } finally {
        setProgress(undefined);
      }
    }
    setTick((n) => n + 1);
    props.onChanged();
  };

  const remove = async (a: Attachment) => {
    if (!confirm(t('files.confirmRemove', { name: a.file_name }))) return;
    try {
      await removeAttachment(recordType, record.id, a.id);
      setMessage(t('files.removed', { name: a.file_name }));
      props.onChanged();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : t('files.notRemoved'));
    }
  };

  const files = attachmentsOf(record);
  return (
    <section class="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('files.title')}</h2>
      {PICKERS.map((p) => (
        <div key={p.field}>
          <label for={`pick-${p.field}`}>{t(p.label)}</label>
          <input
            id={`pick-${p.field}`}
            type="file"
            accept={p.accept}
            capture={p.capture}
            multiple={p.multiple}
            onChange={(e) => {
              const input = e.currentTarget;
              void add(p.field, input.files).then(() => (input.value = ''));
            }}
          />
        </div>
      ))}
      {progress && (
        <p>
          <label for="upload-progress">{t('files.uploading', { name: progress.name })}</label>
          <progress id="upload-progress" max={1} value={progress.value} />
        </p>
      )}
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      {waiting.length > 0 && (
        <>
          <h3>{t('files.waiting')}</h3>
          <ul class="files">
            {waiting.map((u) => (
              <li key={u.id}>
                {u.content_type.startsWith('image/') && <Preview blob={pendingBlob(u)} />}
                <span>{u.file_name}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(['photos', 'other_documents', 'recorded_audio'] as AttachmentField[]).map((field) => {
        const list = files.filter((a) => a.field_name === field);
        if (!list.length) return null;
        return (
          <div key={field}>
            <h3>{t(TITLES[field])}</h3>
            <ul class="files">
              {list.map((a) => (
                <li key={a.id}>
                  {a.content_type.startsWith('image/') && props.online && <Preview attachment={a} />}
                  <span>
                    {a.file_name} <span class="muted">({size(locale, a.size)})</span>
                  </span>
                  <span class="inline">
                    <button
                      type="button"
                      disabled={!props.online}
                      onClick={() => void download(a).catch(() => setMessage(t('files.downloadFailed')))}
                    >
                      {t('files.download', { name: a.file_name })}
                    </button>
                    {props.canRemove && (
                      <button
                        type="button"
                        class="secondary"
                        disabled={!props.online}
                        onClick={() => void remove(a)}
                      >
                        {t('files.remove', { name: a.file_name })}
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
