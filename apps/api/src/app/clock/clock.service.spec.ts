import { ClockService } from './clock.service';

describe('ClockService.dayOf', () => {
  const clock = new ClockService({ today: null, timeZone: 'Europe/Moscow' } as never);

  it('gives the day of an instant in the configured time zone, so 22:30 UTC is the next day in Kazan', () => {
    expect(clock.dayOf('2024-10-18T20:59:59.000Z').toString()).toBe('2024-10-18');
    expect(clock.dayOf('2024-10-18T22:30:00.000Z').toString()).toBe('2024-10-19');
  });

  it('reads a UTC hour as the report groups instants', () => {
    expect(clock.dayOf('2024-10-18T21').toString()).toBe('2024-10-19');
    expect(clock.dayOf('2024-10-18T20').toString()).toBe('2024-10-18');
  });

  it('takes a bare date as it is', () => {
    expect(clock.dayOf('2024-02-29').toString()).toBe('2024-02-29');
  });
});
