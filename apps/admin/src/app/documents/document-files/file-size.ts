import type { I18nService } from '../../core/i18n.service';

/** A file's size in the interface's language: «512 Б», «12,3 кБ», «1,5 МБ» (ru, tt); «12.3 kB» (en). */
export function fileSize(bytes: number, i18n: Pick<I18nService, 'number'>): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / 1024 / 1024, 'megabyte'];
  return i18n.number(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** A stored file's kind as its usual short name (the same in every language): «PDF», «DOCX». */
export function fileKind(contentType: string): string {
  return KIND_LABELS[contentType] ?? (contentType.split('/')[1]?.toUpperCase() || '—');
}
