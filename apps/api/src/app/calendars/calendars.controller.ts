import {
  SchoolYearCalendarQuery,
  SchoolYearCalendarRequest,
  SchoolYearCalendarTarget,
  WorkingDaysRequest,
} from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { CalendarsService } from './calendars.service';

class SchoolYearParams extends zodDto(SchoolYearCalendarQuery) {}
class TargetParams extends zodDto(SchoolYearCalendarTarget) {}
class SchoolYearBody extends zodDto(SchoolYearCalendarRequest) {}
class WorkingDaysBody extends zodDto(WorkingDaysRequest) {}

@Controller('calendars')
export class CalendarsController {
  constructor(private readonly service: CalendarsService) {}

  @Get('school-years')
  getSchoolYear(@Query() q: SchoolYearParams) {
    return this.service.getSchoolYear(q);
  }

  @Put('school-years/:year')
  putSchoolYear(
    @CurrentUser() c: Caller,
    @Param('year') year: string,
    @Query() q: TargetParams,
    @Body() body: SchoolYearBody,
  ) {
    return this.service.putSchoolYear(c, year, q, body);
  }

  @Delete('school-years/:year')
  @HttpCode(204)
  deleteSchoolYear(@CurrentUser() c: Caller, @Param('year') year: string, @Query() q: TargetParams) {
    return this.service.deleteSchoolYear(c, year, q);
  }

  @Get('working-days/:year')
  getWorkingDays(@Param('year') year: string) {
    return this.service.getWorkingDays(year);
  }

  @Put('working-days/:year')
  putWorkingDays(@CurrentUser() c: Caller, @Param('year') year: string, @Body() body: WorkingDaysBody) {
    return this.service.putWorkingDays(c, year, body);
  }
}
