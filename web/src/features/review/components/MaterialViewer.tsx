// A material shown on the page: the file fetched with the token into a blob: URL, a PDF in an
// <object>/<iframe>, an image as an <img>. The URL is revoked when another file opens or the page
// closes. Its parent keys it by the file, so each file starts from an empty viewer.
import { Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fileBlobUrl } from '../../../lib/api';
import { useReviewWords } from '../words';

export interface Viewed {
  path: string;
  title: string;
}

export function MaterialViewer({ viewed, onClose }: { viewed: Viewed; onClose: () => void }) {
  const t = useReviewWords();
  const [file, setFile] = useState<{ url: string; type: string }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    fileBlobUrl(viewed.path)
      .then((f) => {
        url = f.url;
        if (live) setFile(f);
        else URL.revokeObjectURL(f.url);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [viewed.path]);
  const name = t('review.viewer', { title: viewed.title });
  return (
    <Card size="small" title={name} extra={<Button onClick={onClose}>{t('review.close-viewer')}</Button>} role="region" aria-label={name}>
      {error !== undefined && <ProblemAlert error={error} />}
      {file && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {file.type.startsWith('image/') ? (
            <img src={file.url} alt={viewed.title} style={{ maxWidth: '100%' }} />
          ) : (
            <iframe src={file.url} title={viewed.title} style={{ width: '100%', height: 600, border: 0 }} />
          )}
        </Space>
      )}
    </Card>
  );
}
