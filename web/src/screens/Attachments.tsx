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
import type { Vault } from '../vault';

const PICKERS: {
  field: AttachmentField;
  label: string;
  accept: string;
  capture?: 'environment' | 'user';
  multiple?: boolean;
}[] = [
  { field: 'photos', label: 'Take a photo', accept: 'image/*', capture: 'environment' },
  {
    field: 'other_documents',
    label: 'Add documents',
    accept: '.pdf,.txt,.csv,.docx,.xlsx,image/jpeg,image/png',
    multiple: true,
  },
  { field: 'recorded_audio', label: 'Add audio', accept: 'audio/mpeg,audio/mp4,.mp3,.m4a' },
];
const TITLES: Record<AttachmentField, string> = {
  photos: 'Photos',
  other_documents: 'Documents',
  recorded_audio: 'Audio',
};
const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A thumbnail from the bytes fetched with the token (an <img src> to the API would go unsigned). */
function Preview({ attachment, blob }: { attachment?: Attachment; blob?: Blob }) {
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
  return url ? <img class="thumb" src={url} alt={`Preview of ${name}`} /> : null;
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
        setMessage(`${file.name} uploaded.`);
      } catch (error) {
        if (error instanceof NetworkError) {
          await queueUpload(vault, recordType, record.id, field, file);
          setMessage(`${file.name} is kept on this device and will be uploaded when you are back online.`);
        } else
          setMessage(`${file.name} was not uploaded: ${error instanceof Error ? error.message : 'error'}`);
      } finally {
        setProgress(undefined);
      }
    }
    setTick((n) => n + 1);
    props.onChanged();
  };

  const remove = async (a: Attachment) => {
    if (!confirm(`Remove ${a.file_name}?`)) return;
    try {
      await removeAttachment(recordType, record.id, a.id);
      setMessage(`${a.file_name} removed.`);
      props.onChanged();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'Could not remove the file');
    }
  };

  const files = attachmentsOf(record);
  return (
    <section class="card" aria-labelledby="files-title">
      <h2 id="files-title">Photos and documents</h2>
      {PICKERS.map((p) => (
        <div key={p.field}>
          <label for={`pick-${p.field}`}>{p.label}</label>
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
          <label for="upload-progress">Uploading {progress.name}</label>
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
          <h3>Waiting to upload</h3>
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
            <h3>{TITLES[field]}</h3>
            <ul class="files">
              {list.map((a) => (
                <li key={a.id}>
                  {a.content_type.startsWith('image/') && props.online && <Preview attachment={a} />}
                  <span>
                    {a.file_name} <span class="muted">({size(a.size)})</span>
                  </span>
                  <span class="inline">
                    <button
                      type="button"
                      disabled={!props.online}
                      onClick={() => void download(a).catch(() => setMessage('The download failed'))}
                    >
                      Download {a.file_name}
                    </button>
                    {props.canRemove && (
                      <button
                        type="button"
                        class="secondary"
                        disabled={!props.online}
                        onClick={() => void remove(a)}
                      >
                        Remove {a.file_name}
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
