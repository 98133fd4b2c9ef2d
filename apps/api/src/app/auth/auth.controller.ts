import { ChangePasswordRequest, LoginRequest, RefreshRequest } from '@socium/contracts';
import type { Language } from '@socium/domain';

import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';

import { Lang } from '../http/request-lang';
import { zodDto } from '../http/zod-validation.pipe';
import { AuthService } from './auth.service';
import { Caller, CurrentUser } from './policy.decorator';

class LoginBody extends zodDto(LoginRequest) {}
class RefreshBody extends zodDto(RefreshRequest) {}
class PasswordBody extends zodDto(ChangePasswordRequest) {}

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginBody, @Req() req: Request, @Lang() lang: Language) {
    return this.auth.login(body, req.ip ?? req.socket.remoteAddress ?? 'unknown', lang);
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshBody, @Lang() lang: Language) {
    return this.auth.refresh(body.refreshToken, lang);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() c: Caller) {
    return this.auth.logout(c);
  }

  @Get('me')
  me(@CurrentUser() c: Caller) {
    return this.auth.me(c);
  }

  @Post('password')
  @HttpCode(204)
  password(@CurrentUser() c: Caller, @Body() body: PasswordBody) {
    return this.auth.changePassword(c, body);
  }
}
