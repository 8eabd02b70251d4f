// The CJK fonts printed documents embed (subset, so a certificate stays small): Noto Sans and
// Serif CJK from Debian's fonts-noto-cjk, or the files TL_CJK_FONT_DIR points at. pdfkit reads
// the collections (.ttc) and subsets their CFF outlines correctly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface CjkFonts {
  sans: { src: string; family: string };
  sansBold: { src: string; family: string };
  serifBold: { src: string; family: string };
}

const DIRS = [process.env.TL_CJK_FONT_DIR, '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/local/share/fonts/noto'].filter((d): d is string => !!d);

let found: CjkFonts | undefined;

/** The fonts, or an error that says how to install them. */
export function cjkFonts(): CjkFonts {
  if (found) return found;
  for (const dir of DIRS) {
    const at = (file: string) => join(dir, file);
    if (existsSync(at('NotoSansCJK-Regular.ttc')) && existsSync(at('NotoSansCJK-Bold.ttc')) && existsSync(at('NotoSerifCJK-Bold.ttc'))) {
      found = {
        sans: { src: at('NotoSansCJK-Regular.ttc'), family: 'NotoSansCJKsc-Regular' },
        sansBold: { src: at('NotoSansCJK-Bold.ttc'), family: 'NotoSansCJKsc-Bold' },
        serifBold: { src: at('NotoSerifCJK-Bold.ttc'), family: 'NotoSerifCJKsc-Bold' },
      };
      return found;
    }
  }
  throw new Error(`no Noto CJK fonts in ${DIRS.join(', ')}: install Debian's fonts-noto-cjk, or set TL_CJK_FONT_DIR to a folder with NotoSansCJK-Regular.ttc, NotoSansCJK-Bold.ttc and NotoSerifCJK-Bold.ttc`);
}
