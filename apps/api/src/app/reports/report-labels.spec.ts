import { CODE_LABELS } from '@socium/domain';

import { label, labelsFor } from './report-labels';

describe('the report labels', () => {
  it.each([
    ['form_labour_brigade', 'ru', 'Трудовая бригада (отряд)'],
    ['status_cancelled', 'tt', 'Юкка чыгарылган'],
    ['dir_career_guidance', 'en', 'Career guidance'],
    ['pt_employment_centre', 'tt', 'Мәшгульлек үзәге'],
  ] as const)('names the code key %s in %s from the domain catalogue', (key, lang, text) => {
    expect(label(key, lang)).toBe(text);
  });

  it('takes every activity form label of the file from the catalogue', () => {
    for (const [form, text] of Object.entries(CODE_LABELS.tt.activityForm))
      expect(label(`form_${form}`, 'tt')).toBe(text);
  });

  it('keeps its own headers and titles', () => {
    expect(labelsFor('tt')('report')).toBe('Хисап');
    expect(labelsFor('ru')('partnerType')).toBe('Тип партнёра');
  });

  it('answers the raw key for a code it does not know, so a new direction can show its own name', () => {
    expect(label('dir_chess_club', 'ru')).toBe('dir_chess_club');
    expect(label('form_toString', 'en')).toBe('form_toString');
    expect(label('nothing', 'en')).toBe('nothing');
  });
});
