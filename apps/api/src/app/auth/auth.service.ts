import { RefreshTokenRecord, UserRecord } from '@socium/api-persistence';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, SessionUser } from '@socium/contracts';
import { refusal, type Language } from '@socium/domain';

import { EntityManager, raw } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import { ClockService } from '../clock/clock.service';
import { newId } from '../common/crud.support';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AppError, fail, httpFailure, SESSION_REVOKED } from '../http/app-error';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import type { Caller } from './policy.decorator';
import { TokenService } from './token.service';

const badLogin = () =>
  httpFailure('auth.invalid-credentials', {
    en: 'Wrong e-mail or password',
    ru: 'Неверный адрес электронной почты или пароль',
    tt: 'Электрон почта адресы яки серсүз дөрес түгел',
  });

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `lang`: the panel's language (its `Accept-Language`), kept as the user's language for e-mails and notifications. */
  async login(body: LoginRequest, client: string, lang: Language = 'ru'): Promise<LoginResponse> {
    const email = body.email.toLowerCase();
    // counted before the password is checked, atomically in the database: parallel guesses cannot slip past
    const attempt = await this.throttle.attempt(email, client);
    if (attempt.retryAfterSeconds > 0)
      throw new AppError(
        refusal('auth.throttled', {
          ru: 'Слишком много попыток входа, подождите',
          en: 'Too many log-in attempts, wait and retry',
          tt: 'Керү омтылышлары артык күп, бераз көтегез',
        }),
        { retryAfterSeconds: attempt.retryAfterSeconds },
      );
    const user = await this.em.findOne(UserRecord, { email });
    const okPassword = await this.passwords.verify(body.password, user ? user.passwordHash : await this.dummyHash());
    if (!user || !okPassword || user.disabled) throw badLogin(); // the attempt stays counted
    await this.throttle.succeeded(attempt);
    await this.rememberLanguage(user, lang);
    return this.issue(user);
  }

  async refresh(refreshToken: string, lang: Language = 'ru'): Promise<LoginResponse> {
    const rec = await this.em.findOne(RefreshTokenRecord, { tokenHash: this.tokens.hashRefresh(refreshToken) });
    if (!rec || rec.revokedAt || rec.expiresAt <= this.clock.nowIso())
      throw httpFailure('auth.refresh-invalid', {
        en: 'Invalid refresh token',
        ru: 'Сеанс истёк: войдите снова',
        tt: 'Сеанс вакыты узган: яңадан керегез',
      });
    const user = await this.em.findOne(UserRecord, { id: rec.userId });
    if (!user || user.disabled || user.tokenGeneration !== rec.generation)
      throw httpFailure('auth.token-revoked', SESSION_REVOKED);
    rec.revokedAt = this.clock.nowIso(); // rotation: each refresh token works once
    await this.rememberLanguage(user, lang);
    return this.issue(user);
  }

  /** A preference learned from the panel, not an edit of the user: written directly, the version stays. */
  private async rememberLanguage(user: UserRecord, lang: Language): Promise<void> {
    if (user.language === lang) return;
    await this.em.nativeUpdate(UserRecord, { id: user.id }, { language: lang });
  }

  async logout(caller: Caller): Promise<void> {
    await this.revokeAll(caller.id);
  }

  async me(caller: Caller): Promise<SessionUser> {
    const u = await this.em.findOneOrFail(UserRecord, { id: caller.id });
    return { id: u.id, email: u.email, role: u.role, organisationId: u.organisationId, name: u.name };
  }

  async changePassword(caller: Caller, body: ChangePasswordRequest): Promise<void> {
    const u = await this.em.findOneOrFail(UserRecord, { id: caller.id });
    if (!(await this.passwords.verify(body.currentPassword, u.passwordHash)))
      throw fail(
        'auth.password.wrong-current',
        { ru: 'Текущий пароль неверен', en: 'The current password is wrong', tt: 'Хәзерге серсүз дөрес түгел' },
        'currentPassword',
      );
    u.passwordHash = await this.passwords.hash(body.newPassword);
    u.version += 1;
    u.updatedAt = this.clock.nowIso();
    this.audit.record(this.em, {
      userId: caller.id,
      action: 'password.change',
      objectType: 'user',
      objectId: u.id,
      before: null,
      after: null,
    });
    await this.revokeAll(u.id);
  }

  /**
   * Bumps the user's token generation: every access and refresh token issued before dies. One atomic
   * `token_generation + 1` in the database (a log-out is not an edit of the account: its version stays).
   */
  async revokeAll(userId: string): Promise<void> {
    await this.em.nativeUpdate(UserRecord, { id: userId }, { tokenGeneration: raw('token_generation + 1') });
    await this.em.nativeUpdate(RefreshTokenRecord, { userId, revokedAt: null }, { revokedAt: this.clock.nowIso() });
    await this.em.flush();
  }

  private dummy: Promise<string> | null = null;
  /** Verifying against a real hash when the e-mail is unknown keeps the timing alike. */
  private dummyHash(): Promise<string> {
    return (this.dummy ??= this.passwords.hash('socium-no-such-user'));
  }

  private async issue(user: UserRecord): Promise<LoginResponse> {
    const accessToken = this.tokens.sign({
      sub: user.id,
      role: user.role,
      org: user.organisationId,
      email: user.email,
      gen: user.tokenGeneration,
    });
    const { token, hash } = this.tokens.newRefreshToken();
    const rec = new RefreshTokenRecord();
    Object.assign(rec, {
      id: newId(),
      userId: user.id,
      tokenHash: hash,
      generation: user.tokenGeneration,
      expiresAt: new Date(this.clock.nowMs() + this.config.refreshTtlDays * 86_400_000).toISOString(),
      revokedAt: null,
      createdAt: this.clock.nowIso(),
    });
    this.em.persist(rec);
    await this.em.flush();
    return {
      accessToken,
      refreshToken: token,
      expiresIn: this.tokens.accessTtl,
      user: { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId, name: user.name },
    };
  }
}
