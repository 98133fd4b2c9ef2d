import { RateLimiter } from './public-http';

describe(RateLimiter.name, () => {
  let now = 0;
  const limiter = () => new RateLimiter(() => now, 2, 60_000);

  beforeEach(() => (now = 1_000_000));

  it('lets a client through up to the limit and then says how many seconds to wait, by the given clock', () => {
    const sut = limiter();
    expect([sut.hit('a'), sut.hit('a')]).toEqual([0, 0]);
    now += 15_000;
    expect(sut.hit('a')).toBe(45);
    expect(sut.hit('b')).toBe(0);
  });

  it('opens a new window once the clock has moved past the old one', () => {
    const sut = limiter();
    sut.hit('a');
    sut.hit('a');
    now += 60_000;
    expect(sut.hit('a')).toBe(0);
  });
});
