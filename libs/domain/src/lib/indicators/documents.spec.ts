import { documentAcknowledgement } from './documents';

describe(documentAcknowledgement.name, () => {
  it('shares on-time acknowledgements, takes the median working days and keeps the overdue count', () => {
    const sut = documentAcknowledgement({
      recipients: 8,
      acknowledgedOnTime: 5,
      overdue: 2,
      workingDaysToAcknowledge: [1, 7, 3, 2, 4, 10],
    });
    expect(sut).toEqual({
      recipients: 8,
      acknowledgedOnTime: 5,
      onTimeShare: 0.625,
      medianWorkingDays: 3.5,
      overdue: 2,
    });
  });

  it('has no share and no median when nothing was sent', () => {
    const sut = documentAcknowledgement({
      recipients: 0,
      acknowledgedOnTime: 0,
      overdue: 0,
      workingDaysToAcknowledge: [],
    });
    expect(sut).toEqual({
      recipients: 0,
      acknowledgedOnTime: 0,
      onTimeShare: null,
      medianWorkingDays: null,
      overdue: 0,
    });
  });
});
