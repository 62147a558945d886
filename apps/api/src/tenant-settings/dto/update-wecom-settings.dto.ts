import { PartialType } from '@nestjs/swagger';
import { WeComSettingsDto } from '../../platform-tenants/dto/wecom-settings.dto';

export class UpdateWeComSettingsDto extends PartialType(WeComSettingsDto) {}
