// A value kept in Web Storage that React components read with useSyncExternalStore and plain
// modules (the API client) read directly.
import { useSyncExternalStore } from 'react';

export interface Stored<T> {
  get(): T;
  set(value: T): void;
  use(): T;
}

export function storedValue<T>(storage: () => Storage, key: string, parse: (raw: string | null) => T): Stored<T> {
  const listeners = new Set<() => void>();
  const read = () => {
    try {
      return parse(storage().getItem(key));
    } catch {
      return parse(null);
    }
  };
  let current = read();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    get: () => current,
    set(value) {
      current = value;
      if (value === null || value === undefined) storage().removeItem(key);
      else storage().setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
      listeners.forEach((l) => l());
    },
    use: () => useSyncExternalStore(subscribe, () => current),
  };
}
