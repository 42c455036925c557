import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One `policy-kb import` run: what was read, what it did, and how it ended. Written when the
 * run starts and updated in the same transaction as every batch, so its counts always match
 * what is committed. Dry runs write no record.
 */
@Entity({ tableName: 'import_run' })
@Index({ properties: ['startedAt'] })
export class ImportRun {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  /** The file as given on the command line. */
  @Property({ type: 'text' })
  file!: string;

  /** csl, ftm or policy-kb. */
  @Property({ length: 32 })
  format!: string;

  /** running, succeeded (every row in or rejected), failed (stopped; committed batches stay). */
  @Property({ length: 16 })
  status: string = 'running';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  startedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** Records read from the file (CSV rows, JSON array items, JSON lines). */
  @Property({ default: 0 })
  rowsRead: number = 0;

  /** Records written or found already in the database. */
  @Property({ default: 0 })
  rowsImported: number = 0;

  /** Records refused, each in the rejects file with its line and reason. */
  @Property({ default: 0 })
  rowsRejected: number = 0;

  /** Records of a kind the format mapping does not carry (FtM schemata other than the supported ones). */
  @Property({ default: 0 })
  rowsSkipped: number = 0;

  /** Database records (entities, actions, participations, sources, lists...) created, updated and left as they were. */
  @Property({ default: 0 })
  created: number = 0;

  @Property({ default: 0 })
  updated: number = 0;

  @Property({ default: 0 })
  unchanged: number = 0;

  @Property({ type: 'text', nullable: true })
  rejectsFile?: string | null;

  /** Why the run failed. */
  @Property({ type: 'text', nullable: true })
  error?: string | null;
}
