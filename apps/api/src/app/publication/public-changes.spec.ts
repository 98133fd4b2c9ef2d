import { affects, MAX_NAMED_ORGANISATIONS, newPublicChange, noteChangedRecord, publicScope } from './public-changes';

describe('What a write asks the public caches to drop', () => {
  it('names both organisations of an agreement, before and after the change', () => {
    const change = newPublicChange();
    noteChangedRecord(
      change,
      'AgreementRecord',
      { schoolId: 's1', partnerId: 'p1' },
      { schoolId: 's0', partnerId: 'p1' },
    );
    expect(publicScope(change)).toEqual(new Set(['s1', 'p1', 's0']));
  });

  it('names an organisation by its own id', () => {
    const change = newPublicChange();
    noteChangedRecord(change, 'OrganisationRecord', { id: 'o1' }, undefined);
    expect(publicScope(change)).toEqual(new Set(['o1']));
  });

  it('drops nothing for records no public page reads (users, notifications, placements)', () => {
    const change = newPublicChange();
    noteChangedRecord(change, 'UserRecord', { id: 'u1', organisationId: 'o1' }, undefined);
    noteChangedRecord(change, 'NotificationRecord', { id: 'n1' }, undefined);
    noteChangedRecord(change, 'PlacementRecord', { schoolId: 's1' }, undefined);
    expect(publicScope(change)).toBeNull();
  });

  it('drops everything for a public record that names no organisation (a direction, a public document)', () => {
    const change = newPublicChange();
    noteChangedRecord(change, 'ActivityRecord', { organisationId: 's1', partnerId: null }, undefined);
    noteChangedRecord(change, 'DirectionRecord', { id: 'd1' }, undefined);
    expect(publicScope(change)).toBe('everything');
  });

  it('drops everything when the write flushed nothing through the ORM or ran outside a request', () => {
    expect(publicScope(newPublicChange())).toBe('everything');
    expect(publicScope(undefined)).toBe('everything');
  });

  it('drops everything when a write touches more organisations than a log entry names', () => {
    const change = newPublicChange();
    for (let i = 0; i <= MAX_NAMED_ORGANISATIONS; i++)
      noteChangedRecord(change, 'PlanRecord', { organisationId: `s${i}` }, undefined);
    expect(publicScope(change)).toBe('everything');
  });

  it("drops a page that shows a touched organisation, keeps one that does not, and always drops a district's page", () => {
    const scope = new Set(['s1']);
    expect(affects(scope, new Set(['s1', 'p1']))).toBe(true);
    expect(affects(scope, new Set(['s2', 'p1']))).toBe(false);
    expect(affects(scope, 'everything')).toBe(true);
    expect(affects('everything', new Set(['s2']))).toBe(true);
  });
});
