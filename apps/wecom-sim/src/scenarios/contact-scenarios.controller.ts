import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ContactPairDto, MemberDeletesCustomerDto, TransferFailDto } from './dto/contact-pair.dto';
import { MemberEditsCustomerDto } from './dto/member-edits-customer.dto';
import { ScanDto } from './dto/scan.dto';
import { ContactScenarios } from './contact-scenarios.service';
import { waitFlag } from './wait-flag';

@ApiTags('scenarios: customers')
@ApiQuery({ name: 'wait', required: false, description: 'true: answer after the first delivery attempt' })
@Controller('sim/corps/:corpId/scenarios')
export class ContactScenariosController {
  constructor(private readonly scenarios: ContactScenarios) {}

  @Post('scan')
  @ApiOperation({ summary: 'A customer scans a contact way → add_external_contact (or add_half_external_contact)' })
  scan(@Param('corpId') corpId: string, @Body() dto: ScanDto, @Query('wait') wait?: string) {
    return this.scenarios.scan(corpId, dto, waitFlag(wait));
  }

  @Post('customer-deletes-member')
  @ApiOperation({ summary: 'The customer deletes the member → del_follow_user' })
  customerDeletesMember(@Param('corpId') corpId: string, @Body() dto: ContactPairDto, @Query('wait') wait?: string) {
    return this.scenarios.customerDeletesMember(corpId, dto, waitFlag(wait));
  }

  @Post('member-deletes-customer')
  @ApiOperation({ summary: 'The member deletes the customer → del_external_contact (Source=DELETE_BY_TRANSFER if byTransfer)' })
  memberDeletesCustomer(@Param('corpId') corpId: string, @Body() dto: MemberDeletesCustomerDto, @Query('wait') wait?: string) {
    return this.scenarios.memberDeletesCustomer(corpId, dto, waitFlag(wait));
  }

  @Post('member-edits-customer')
  @ApiOperation({ summary: 'The member edits remark/description/mobiles/tags in the app → edit_external_contact' })
  memberEditsCustomer(@Param('corpId') corpId: string, @Body() dto: MemberEditsCustomerDto, @Query('wait') wait?: string) {
    return this.scenarios.memberEditsCustomer(corpId, dto, waitFlag(wait));
  }

  @Post('transfer-fail')
  @ApiOperation({ summary: 'A transfer to userId failed → transfer_fail with FailReason' })
  transferFail(@Param('corpId') corpId: string, @Body() dto: TransferFailDto, @Query('wait') wait?: string) {
    return this.scenarios.transferFail(corpId, dto, waitFlag(wait));
  }
}
