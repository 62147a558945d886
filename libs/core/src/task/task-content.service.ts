import { Injectable } from '@nestjs/common';
import { Attachment } from '@scrm/wechat-work-sdk';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SopVersion } from '../sop/entities/sop-version.entity';
import { SopStep } from '../sop/sop.types';
import { renderText, variablesIn } from '../welcome/render-text';
import { WelcomeComposer } from '../welcome/welcome-composer.service';
import { Task } from './entities/task.entity';

export interface TaskContent {
  step: SopStep;
  text: string | null;
  attachments: Attachment[];
  /** Media assets whose media_id was not alive (the refresh failed): left out rather than uploaded here. */
  skippedMedia: string[];
}

/**
 * A step's content, rendered as the welcome is. One mass send carries one text for all its customers, so
 * {customer_name} renders its fallback ({customer_name|朋友}) and {channel_name} is empty; {staff_name} is the sender.
 */
@Injectable()
export class TaskContentService {
  constructor(
    @InjectRepository(SopVersion) private readonly versions: Repository<SopVersion>,
    private readonly composer: WelcomeComposer,
  ) {}

  async of(task: Task): Promise<TaskContent> {
    const { definition: def } = await this.versions.findOneOrFail({ where: { tenantId: task.tenantId, sopId: task.sopId, version: task.sopVersion } });
    const step = def.steps[task.stepIndex];
    const text = step.text
      ? renderText(step.text, {
          customer_name: null,
          channel_name: null,
          staff_name: variablesIn(step.text).has('staff_name') ? await this.composer.staffName(task.tenantId, task.userId) : null,
        })
      : null;
    const { attachments, skipped } = await this.composer.toWeCom(task.tenantId, step.attachments);
    return { step, text, attachments, skippedMedia: skipped };
  }
}
