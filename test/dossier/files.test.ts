// File names a person can read back (domain/dossier/files.ts).
import { describe, expect, it } from 'vitest';
import { checkFileName, MaterialRefused } from '../../domain/dossier/files';

describe('file names', () => {
  it('keeps an ordinary name, in any script, trimmed and normalised', () => {
    expect(checkFileName('  学位证书 (2024).pdf ')).toBe('学位证书 (2024).pdf');
    expect(checkFileName('Cafe\u0301.png')).toBe('Café.png');
  });

  it.each(['../x.pdf', 'a\\b.pdf', 'tab\t.pdf', 'nul\u0000.pdf', 'del\u007f.pdf', 'c1\u0085.pdf', 'rlo\u202egpj.exe', '..', '', 'x'.repeat(201)])('refuses %j', (name) => {
    const err = (() => {
      try {
        checkFileName(name);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MaterialRefused);
    expect((err as MaterialRefused).code).toBe('bad-name');
  });
});
