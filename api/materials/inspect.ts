// What an upload is, decided by its bytes (DOMAIN §5a): its type sniffed (file-type), a PDF parsed
// (pdf-lib) and refused when encrypted, scripted, too long or a decompression bomb, an image's
// pixels counted from its header. Runs on the finished upload on the local disk, before anything
// is stored.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { fileTypeFromFile } from 'file-type';
import { imageSize } from 'image-size';
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { isMaterialMime, MaterialRefused, type MaterialMime } from '../../domain/dossier/files';
import { phrase } from '../../domain/words/say';

export interface InspectLimits {
  maxPdfPages: number;
  maxImagePixels: number;
  /** What a PDF's compressed streams may inflate to, in all. */
  maxDecompressedBytes: number;
}

export interface Inspected {
  mime: MaterialMime;
  pages?: number;
  width?: number;
  height?: number;
}

/** Keys that run code or other programs when a reader opens or touches the document. */
const ACTIVE = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'RichMedia', 'SubmitForm', 'ImportData'].map((k) => PDFName.of(k));

export async function inspectUpload(path: string, size: number, limits: InspectLimits): Promise<Inspected> {
  if (size === 0) throw new MaterialRefused('empty', phrase('material.empty'));
  const sniffed = await fileTypeFromFile(path);
  if (!sniffed || !isMaterialMime(sniffed.mime)) {
    throw new MaterialRefused('unsupported-type', sniffed ? phrase('material.unsupported-type-seen', { mime: sniffed.mime }) : phrase('material.unsupported-type'));
  }
  return sniffed.mime === 'application/pdf' ? inspectPdf(await readFile(path), limits) : inspectImage(await readFile(path), sniffed.mime, limits);
}

async function inspectPdf(bytes: Buffer, limits: InspectLimits): Promise<Inspected> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    // pdf-lib's errors lose their class when compiled down: its message says what happened.
    if (err instanceof EncryptedPDFError || /is encrypted/.test((err as Error).message)) throw new MaterialRefused('pdf-encrypted', phrase('material.pdf-encrypted'));
    throw new MaterialRefused('pdf-unreadable', phrase('material.pdf-unreadable'));
  }
  let pages: number;
  try {
    pages = pdf.getPageCount();
  } catch {
    throw new MaterialRefused('pdf-unreadable', phrase('material.pdf-unreadable'));
  }
  if (pages === 0) throw new MaterialRefused('pdf-unreadable', phrase('material.pdf-no-pages'));
  if (pages > limits.maxPdfPages) throw new MaterialRefused('too-many-pages', phrase('material.too-many-pages', { pages, max: limits.maxPdfPages }));
  let inflated = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined;
    if (dict && (ACTIVE.some((k) => dict.has(k)) || isActiveAction(dict))) {
      throw new MaterialRefused('pdf-script', phrase('material.pdf-script'));
    }
    if (object instanceof PDFRawStream && isFlate(object.dict)) {
      try {
        inflated += inflateSync(object.contents, { maxOutputLength: limits.maxDecompressedBytes - inflated + 1 }).length;
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new MaterialRefused('decompresses-too-far', phrase('material.decompresses-too-far'));
        }
        // A stream that does not inflate is the reader's problem to show, not a danger.
      }
      if (inflated > limits.maxDecompressedBytes) throw new MaterialRefused('decompresses-too-far', phrase('material.decompresses-too-far'));
    }
  }
  return { mime: 'application/pdf', pages };
}

function isFlate(dict: PDFDict): boolean {
  const filter = dict.get(PDFName.of('Filter'));
  const names = filter instanceof PDFArray ? filter.asArray() : [filter];
  return names.some((n) => n instanceof PDFName && n.asString() === '/FlateDecode');
}

/** An action dictionary (/S /JavaScript, /S /Launch …) anywhere in the document. */
function isActiveAction(dict: PDFDict): boolean {
  const s = dict.get(PDFName.of('S'));
  return s instanceof PDFName && ['/JavaScript', '/Launch', '/SubmitForm', '/ImportData', '/Rendition'].includes(s.asString());
}

function inspectImage(bytes: Buffer, mime: MaterialMime, limits: InspectLimits): Inspected {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    throw new MaterialRefused('image-unreadable', phrase('material.image-unreadable'));
  }
  if (!width || !height) throw new MaterialRefused('image-unreadable', phrase('material.image-unreadable'));
  if (width * height > limits.maxImagePixels) throw new MaterialRefused('too-many-pixels', phrase('material.too-many-pixels', { width, height, max: limits.maxImagePixels }));
  return { mime, width, height };
}
