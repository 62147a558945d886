import { Module } from '@nestjs/common';
import { CgiBinFastLane } from './cgi-bin-fast-lane';
import { ContactWayController } from './contact-way/contact-way.controller';
import { ContactWayService } from './contact-way/contact-way.service';
import { CorpTagController } from './corp-tag/corp-tag.controller';
import { CorpTagService } from './corp-tag/corp-tag.service';
import { CustomerController } from './customer/customer.controller';
import { CustomerService } from './customer/customer.service';
import { GroupChatController } from './group-chat/group-chat.controller';
import { GroupChatService } from './group-chat/group-chat.service';
import { MassSendController } from './mass-send/mass-send.controller';
import { MassSendService } from './mass-send/mass-send.service';
import { MediaController } from './media/media.controller';
import { MediaService } from './media/media.service';
import { MessageController } from './message/message.controller';
import { MessageService } from './message/message.service';
import { OAuthController } from './oauth/oauth.controller';
import { OAuthService } from './oauth/oauth.service';
import { TokenController } from './token/token.controller';
import { TokenService } from './token/token.service';
import { UserController } from './user/user.controller';
import { UserService } from './user/user.service';
import { WelcomeController } from './welcome/welcome.controller';
import { WelcomeService } from './welcome/welcome.service';
import { WecomCalls } from './shared/wecom-calls';

/** WeCom's own API, under /cgi-bin (and /connect/oauth2/authorize). */
@Module({
  controllers: [
    TokenController,
    ContactWayController,
    WelcomeController,
    CorpTagController,
    CustomerController,
    MassSendController,
    GroupChatController,
    UserController,
    MediaController,
    OAuthController,
    MessageController,
  ],
  providers: [
    TokenService,
    ContactWayService,
    WelcomeService,
    CorpTagService,
    CustomerService,
    MassSendService,
    GroupChatService,
    UserService,
    MediaService,
    OAuthService,
    MessageService,
    WecomCalls,
    CgiBinFastLane,
  ],
  exports: [TokenService, CorpTagService, WecomCalls, CgiBinFastLane],
})
export class CgiBinModule {}
