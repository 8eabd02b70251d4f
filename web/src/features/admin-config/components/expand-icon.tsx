// The expand button of a table row, named for screen readers (antd's own has no name).
import { Button } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { useConfigWords } from '../words';

export function useExpandIcon<T>() {
  const w = useConfigWords();
  return ({ expanded, onExpand, record }: { expanded: boolean; onExpand: (record: T, e: MouseEvent<HTMLElement>) => void; record: T }): ReactNode => (
    <Button size="small" type="text" aria-expanded={expanded} aria-label={w(expanded ? 'common.collapse' : 'common.expand')} onClick={(e) => onExpand(record, e)}>
      {expanded ? '−' : '+'}
    </Button>
  );
}
