import { attachmentDisposition, csvField, neutraliseFormula, safeCell, toCsv } from './report-cells';

describe('report cells', () => {
  it.each(['=1+1', '+7 900', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])(
    'prefixes formula-looking text %p with an apostrophe',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it('leaves ordinary text, an inner equals sign and numbers alone', () => {
    expect(neutraliseFormula('Экскурсия = урок')).toBe('Экскурсия = урок');
    expect(neutraliseFormula('')).toBe('');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(Number.NaN)).toBeNull();
  });

  it('quotes CSV fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(undefined)).toBe('');
    expect(csvField('=cmd|x')).toBe("'=cmd|x");
  });

  it.each([
    [';=1+1', `";'=1+1"`],
    ['a;=1+1', `"a;'=1+1"`],
    ['a,+7', `"a,'+7"`],
    ['x\n@SUM(A1)', `"x\n'@SUM(A1)"`],
    ['x\r\n-2', `"x\r\n'-2"`],
    ['x\t=1', `"x\t'=1"`],
    ['=1;=2', `"'=1;'=2"`],
    ['a;b', '"a;b"'],
  ])('guards every place a spreadsheet could start a cell in %p, not only the first character', (text, out) => {
    expect(csvField(text)).toBe(out);
  });

  it('keeps numbers, including negative ones, as numbers in CSV', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Экскурсия; встреча')).toBe('"Экскурсия; встреча"');
  });

  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    const buf = toCsv([
      ['код', 'value'],
      ['x', 1],
    ]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString('utf8')).toBe('код,value\r\nx,1\r\n');
  });

  it('builds an attachment disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('socium-report-2019-2020.xlsx')).toBe(
      `attachment; filename="socium-report-2019-2020.xlsx"; filename*=UTF-8''socium-report-2019-2020.xlsx`,
    );
    expect(attachmentDisposition('отчёт.csv')).toBe(
      `attachment; filename="_____.csv"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.csv`,
    );
  });
});
