import { PartialType } from '@nestjs/swagger';
import { CreateChannelDto } from './create-channel.dto';

/** Any field of a channel; `state` cannot change (printed QR codes carry it). */
export class UpdateChannelDto extends PartialType(CreateChannelDto) {}
