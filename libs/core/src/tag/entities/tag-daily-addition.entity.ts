import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many customers newly got a tag on a day (tenant time zone). Counted by CustomerTagWriter when a row is
 * inserted, because customer_tags forgets removed tags and re-stamps set_at: it cannot be derived afterwards.
 */
@Entity('tag_daily_additions')
export class TagDailyAddition {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  tagId: string;

  @PrimaryColumn('date')
  day: string;

  @Column({ type: 'int', default: 0 })
  count: number;
}
