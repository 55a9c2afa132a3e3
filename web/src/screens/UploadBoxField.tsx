import { useEffect, useState } from 'preact/hooks';
import { download, objectUrl, type Attachment } from '../attachments';
import { t as text, type Locales } from '../forms/types';
import { PICKERS, type UploadBox } from '../forms/uploadBoxes';
import { useT } from '../i18n/locale';
import { fileSize, type MessageKey } from '../i18n/messages';
import { FieldHelp } from './FieldHelp';

/** The built-in boxes' labels, for a configuration whose forms do not list them. */
const BUILT_IN_LABELS: Record<string, MessageKey> = {
  photos: 'files.photo',
  other_documents: 'files.documents',
  recorded_audio: 'files.audio',
};

/** A thumbnail from the bytes fetched with the token (an <img src> to the API would go unsigned). */
export function Preview({ attachment, blob }: { attachment?: Attachment; blob?: Blob }) {
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

/** The box's name on screen: the forms' label in the user's language, the app's own for a built-in box. */
export function useBoxLabel(locales: Locales): (box: UploadBox) => string {
  const t = useT();
  return (box) => {
    if (box.field) return text(box.field.display_name, locales) || box.name;
    const builtIn = BUILT_IN_LABELS[box.name];
    return builtIn ? t(builtIn) : box.name.replace(/_/g, ' ');
  };
}

/** What the last action on a box came to: an upload's progress, then its outcome. */
export interface BoxStatus {
  text: string;
  error?: boolean;
  progress?: { name: string; value: number };
}

/** The box's progress and last outcome, under its picker; a refusal is an alert the picker points to. */
function BoxMessage({ id, status }: { id: string; status: BoxStatus }) {
  const t = useT();
  if (status.progress)
    return (
      <p>
        <label for={`${id}-progress`}>{t('files.uploading', { name: status.progress.name })}</label>
        <progress id={`${id}-progress`} max={1} value={status.progress.value} />
      </p>
    );
  return status.error ? (
    <p id={`${id}-error`} role="alert" class="field-error">
      {status.text}
    </p>
  ) : (
    <p role="status" class="notice">
      {status.text}
    </p>
  );
}

/** One upload box: its label and help from the forms, the picker its kind takes, and the files it holds. */
export function UploadBoxField(props: {
  box: UploadBox;
  files: Attachment[];
  locales: Locales;
  online: boolean;
  /** The box takes new files (the section and field are editable). */
  canAdd: boolean;
  canRemove: boolean;
  status?: BoxStatus;
  onAdd: (files: FileList | null) => Promise<void>;
  onRemove: (attachment: Attachment) => void;
  onDownloadFailed: () => void;
}) {
  const { box, files, locales } = props;
  const t = useT();
  const label = useBoxLabel(locales)(box);
  const id = `pick-${box.name}`;
  const picker = box.kind && props.canAdd ? PICKERS[box.kind] : undefined;
  return (
    <div class="upload-box" id={`box-${box.name}`}>
      {picker ? <label for={id}>{label}</label> : <p class="label">{label}</p>}
      {box.field && <FieldHelp field={box.field} id={id} locales={locales} />}
      {picker && (
        <input
          id={id}
          type="file"
          accept={picker.accept}
          capture={picker.capture}
          multiple={picker.multiple}
          aria-invalid={props.status?.error ? 'true' : undefined}
          aria-describedby={props.status?.error ? `${id}-error` : undefined}
          onChange={(e) => {
            const input = e.currentTarget;
            void props.onAdd(input.files).then(() => (input.value = ''));
          }}
        />
      )}
      {props.status && <BoxMessage id={id} status={props.status} />}
      {files.length > 0 && (
        <ul class="files">
          {files.map((a) => (
            <li key={a.id}>
              {a.content_type.startsWith('image/') && props.online && <Preview attachment={a} />}
              <span>
                {a.file_name} <span class="muted">({fileSize(locales.locale, a.size)})</span>
              </span>
              <span class="inline">
                <button
                  type="button"
                  disabled={!props.online}
                  onClick={() => void download(a).catch(props.onDownloadFailed)}
                >
                  {t('files.download', { name: a.file_name })}
                </button>
                {props.canRemove && (
                  <button
                    type="button"
                    class="secondary"
                    disabled={!props.online}
                    onClick={() => props.onRemove(a)}
                  >
                    {t('files.remove', { name: a.file_name })}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
