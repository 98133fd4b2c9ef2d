import { ClockService } from '../clock/clock.service';
import { loadAppConfig } from '../config/app-config';
import { LoginThrottleService } from './login-throttle.service';

describe(LoginThrottleService.name, () => {
  const config = loadAppConfig({ SOCIUM_LOGIN_MAX_FAILURES: '3', SOCIUM_LOGIN_WINDOW_SECONDS: '60' });

  it('blocks an e-mail after the allowed failures until the window passes', () => {
    const sut = new LoginThrottleService(config, new ClockService(config));
    for (let i = 0; i < 3; i++) sut.recordFailure('a@b.org', '10.0.0.1', 1000 + i);
    expect(sut.retryAfter('a@b.org', '10.0.0.2', 2000)).toBeGreaterThan(0);
    expect(sut.retryAfter('a@b.org', '10.0.0.2', 1000 + 61_000)).toBe(0);
  });

  it('blocks a client address that tries many e-mails', () => {
    const sut = new LoginThrottleService(config, new ClockService(config));
    for (let i = 0; i < 12; i++) sut.recordFailure(`user${i}@b.org`, '10.0.0.9', 1000);
    expect(sut.retryAfter('fresh@b.org', '10.0.0.9', 1500)).toBeGreaterThan(0);
    expect(sut.retryAfter('fresh@b.org', '10.0.0.8', 1500)).toBe(0);
  });

  it('forgets the failures of an e-mail after a successful log-in', () => {
    const sut = new LoginThrottleService(config, new ClockService(config));
    for (let i = 0; i < 3; i++) sut.recordFailure('a@b.org', `10.0.1.${i}`, 1000);
    sut.reset('a@b.org');
    expect(sut.retryAfter('a@b.org', '10.0.2.1', 1001)).toBe(0);
  });
});
