import { labelsFor } from './report-labels';
import { activitiesOmittedRow } from './report-tables';

describe('the last row of an activities list cut at its cap', () => {
  it('says in Russian how many of how many activities are listed, with grouped digits', () => {
    const row = activitiesOmittedRow(100_000, 1_005_000, labelsFor('ru'), 'ru');
    expect(row[0]).toBe(
      'Показаны первые 100\u00a0000 мероприятий из 1\u00a0005\u00a0000: сузьте период или выберите одну школу',
    );
  });

  it('keeps the Tatar noun singular after the numeral', () => {
    const text = String(activitiesOmittedRow(100_000, 250_000, labelsFor('tt'), 'tt')[0]);
    expect(text).toBe(
      'Барлыгы 250\u00a0000 чарадан беренче 100\u00a0000 чара күрсәтелгән: чорны тарайтыгыз яки бер мәктәпне сайлагыз',
    );
    expect(text).not.toMatch(/\d чаралар/);
  });

  it('writes English numbers with commas and fills the other columns with empty cells', () => {
    const row = activitiesOmittedRow(100_000, 120_000, labelsFor('en'), 'en');
    expect(row[0]).toBe('The first 100,000 of 120,000 activities are listed: narrow the period or choose one school');
    expect(row).toHaveLength(11);
    expect(row.slice(1).every((c) => c === null)).toBe(true);
  });
});
