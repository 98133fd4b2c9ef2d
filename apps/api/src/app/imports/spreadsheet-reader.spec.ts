import { decodeCp1251, decodeText, detectSeparator, fileOfBody, parseCsv } from './spreadsheet-reader';

describe('Spreadsheet reader', () => {
  it('decodes Windows-1251 letters, Ё, quotes and №', () => {
    expect(decodeCp1251(Buffer.from([0xc0, 0xff, 0xa8, 0xb8, 0xab, 0xbb, 0xb9, 0x41]))).toBe('АяЁё«»№A');
  });

  it('reads valid UTF-8 as UTF-8 (a BOM dropped) and anything else as Windows-1251', () => {
    expect(decodeText(Buffer.from('\ufeffШкола', 'utf8'))).toBe('Школа');
    expect(decodeText(Buffer.from([0xd8, 0xea, 0xee, 0xeb, 0xe0]))).toBe('Школа');
  });

  it('takes the separator the header row holds more of, outside quotes; ; on a tie', () => {
    expect(detectSeparator('a;b;c\n1,2,3,4')).toBe(';');
    expect(detectSeparator('"a;b",c,d')).toBe(',');
    expect(detectSeparator('single')).toBe(';');
  });

  it('parses quoted cells with "" escapes and line breaks, counting spreadsheet rows by record', () => {
    const rows = parseCsv('a;b\r\n"x ""y""";"1\r\n2"\n\nlast;', ';', 100);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x "y"', '1\r\n2'] },
      { line: 3, cells: [''] },
      { line: 4, cells: ['last', ''] },
    ]);
  });

  it('takes the named file part of a multipart body, and any other body as it is', () => {
    const body = Buffer.from(
      '--XX\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n' +
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n' +
        'a;b\r\n1;2\r\n\r\n--XX--\r\n',
    );
    expect(fileOfBody(body, 'multipart/form-data; boundary=XX').toString()).toBe('a;b\r\n1;2\r\n');
    expect(fileOfBody(Buffer.from('a;b'), 'text/csv').toString()).toBe('a;b');
  });
});
