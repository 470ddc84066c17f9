import { useEffect, useState } from 'preact/hooks';
import type { MessageAttachment } from '@parley/contracts';
import { fetchFileUrl, reasonOf } from '../api';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/** A sent file: images show their thumbnail; every file downloads with the caller's token. */
export function AttachmentView({ attachment, token }: { attachment: MessageAttachment; token: string }) {
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!attachment.thumbnail_url) return;
    let url: string | null = null;
    let live = true;
    fetchFileUrl(token, attachment.thumbnail_url).then(
      (made) => (live ? setPreview((url = made)) : URL.revokeObjectURL(made)),
      (error) => live && setProblem(reasonOf(error)),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment.thumbnail_url, token]);

  const download = async () => {
    try {
      const url = await fetchFileUrl(token, attachment.file_url);
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.file_name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  return (
    <figure class="attachment">
      {preview && <img src={preview} alt={attachment.file_name} class="thumbnail" />}
      <figcaption>
        <button type="button" class="link" onClick={download}>
          {attachment.file_name}
        </button>{' '}
        <span class="muted">{size(attachment.file_size)}</span>
        {problem && <span role="alert" class="error"> {problem}</span>}
      </figcaption>
    </figure>
  );
}
