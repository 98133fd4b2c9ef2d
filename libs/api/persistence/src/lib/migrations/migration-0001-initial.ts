import { Migration } from '@mikro-orm/migrations';

type Knex = ReturnType<Migration['getKnex']>;
type Table = Parameters<Parameters<Knex['schema']['createTable']>[1]>[0];

/** Common columns of every mutable record. */
function base(t: Table): void {
  t.string('id', 36).primary();
  t.integer('version').notNullable().defaultTo(1);
  t.string('created_at', 30).notNullable();
  t.string('updated_at', 30).notNullable();
}

/**
 * The initial schema, written with knex's schema builder so the same migration runs on SQLite and
 * PostgreSQL (no dialect SQL). Dates are ISO text; JSON lists are `json` (text on SQLite).
 */
export class Migration0001Initial extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const tables: [string, (t: Table) => void][] = [
      [
        'organisation',
        (t) => {
          base(t);
          t.string('kind', 20).notNullable().index();
          t.string('name', 300).notNullable();
          t.string('short_name', 120).notNullable();
          t.string('slug', 80).notNullable().unique();
          t.string('partner_type', 30).nullable();
          t.string('address', 300).nullable();
          t.string('site', 300).nullable();
          t.json('contacts').notNullable();
          t.boolean('is_published').notNullable();
          t.string('term_scheme', 20).notNullable();
          t.string('profminimum_level', 20).nullable();
          t.integer('enrolment').nullable();
        },
      ],
      [
        'app_user',
        (t) => {
          base(t);
          t.string('email', 200).notNullable().unique();
          t.string('name', 200).notNullable();
          t.string('role', 20).notNullable();
          t.string('organisation_id', 36).notNullable().index();
          t.string('password_hash', 200).notNullable();
          t.boolean('disabled').notNullable();
          t.integer('token_generation').notNullable();
        },
      ],
      [
        'refresh_token',
        (t) => {
          t.string('id', 36).primary();
          t.string('user_id', 36).notNullable().index();
          t.string('token_hash', 64).notNullable().unique();
          t.integer('generation').notNullable();
          t.string('expires_at', 30).notNullable();
          t.string('revoked_at', 30).nullable();
          t.string('created_at', 30).notNullable();
        },
      ],
      [
        'direction',
        (t) => {
          base(t);
          t.string('code', 50).notNullable().unique();
          t.string('name', 200).notNullable();
        },
      ],
      [
        'agreement',
        (t) => {
          base(t);
          t.string('number', 60).notNullable();
          t.string('kind', 30).notNullable();
          t.string('school_id', 36).notNullable().index();
          t.string('partner_id', 36).notNullable().index();
          t.text('subject').notNullable();
          t.text('goal').notNullable();
          t.json('direction_ids').notNullable();
          t.json('obligations').notNullable();
          t.json('responsible_roles').notNullable();
          t.json('network_terms').nullable();
          t.string('starts_on', 10).notNullable();
          t.string('ends_on', 10).nullable();
          t.boolean('auto_renew').notNullable();
          t.integer('notice_days').notNullable();
          t.string('signed_by_school_on', 10).nullable();
          t.string('signed_by_partner_on', 10).nullable();
          t.string('terminated_on', 10).nullable();
          t.text('termination_reason').nullable();
          t.string('notice_given_on', 10).nullable();
          t.string('scan_file_id', 36).nullable();
        },
      ],
      [
        'stored_file',
        (t) => {
          t.string('id', 36).primary();
          t.string('content_type', 100).notNullable();
          t.string('file_name', 200).notNullable();
          t.integer('size').notNullable();
          t.binary('data').notNullable();
          t.string('created_at', 30).notNullable();
        },
      ],
      [
        'plan',
        (t) => {
          base(t);
          t.string('organisation_id', 36).notNullable();
          t.string('academic_year', 9).notNullable().index();
          t.string('agreement_id', 36).nullable().index();
          t.string('title', 300).notNullable();
          t.string('status', 20).notNullable();
          t.text('return_comment').nullable();
          t.string('submitted_on', 10).nullable();
          t.string('approved_on', 10).nullable();
          t.index(['organisation_id', 'academic_year']);
        },
      ],
      [
        'activity',
        (t) => {
          base(t);
          t.string('plan_id', 36).notNullable().index();
          t.string('organisation_id', 36).notNullable();
          t.string('academic_year', 9).notNullable().index();
          t.string('title', 300).notNullable();
          t.string('direction_id', 36).notNullable();
          t.string('form', 40).notNullable();
          t.string('partner_id', 36).nullable().index();
          t.string('starts_on', 10).notNullable();
          t.string('ends_on', 10).notNullable();
          t.string('venue', 300).notNullable();
          t.json('target_grades').notNullable();
          t.integer('planned_participants').notNullable();
          t.double('hours').notNullable();
          t.boolean('is_public').notNullable();
          t.json('professions').notNullable();
          t.text('description').notNullable();
          t.string('status', 20).notNullable();
          t.string('held_on', 10).nullable();
          t.integer('actual_participants').nullable();
          t.text('result').nullable();
          t.json('evidence_links').notNullable();
          t.text('cancel_reason').nullable();
          t.index(['organisation_id', 'starts_on']);
        },
      ],
      [
        'labour_need',
        (t) => {
          base(t);
          t.string('profession', 200).notNullable();
          t.string('sector', 200).notNullable();
          t.integer('demand').notNullable();
          t.string('academic_year', 9).notNullable().index();
          t.string('source', 300).notNullable();
          t.string('employer_id', 36).nullable();
        },
      ],
      [
        'placement',
        (t) => {
          base(t);
          t.string('school_id', 36).notNullable().index();
          t.string('employer_id', 36).notNullable().index();
          t.string('channel', 30).notNullable();
          t.string('kind', 30).notNullable();
          t.string('job_title', 200).notNullable();
          t.string('student_code', 40).notNullable();
          t.string('student_birth_date', 10).notNullable();
          t.string('student_sex', 6).notNullable();
          t.string('starts_on', 10).notNullable().index();
          t.string('ends_on', 10).notNullable();
          t.json('work_days').notNullable();
          t.string('shift_starts_at', 5).notNullable();
          t.string('shift_ends_at', 5).notNullable();
          t.double('hours_per_day').notNullable();
          t.double('hours_per_week').notNullable();
          t.boolean('harmful').notNullable();
          t.double('max_load_kg').nullable();
          t.string('load_mode', 30).notNullable();
          t.boolean('parent_consent').notNullable();
          t.boolean('guardianship_consent').notNullable();
          t.string('medical_clearance_on', 10).nullable();
          t.boolean('has_general_education').notNullable();
          t.boolean('orphan').notNullable();
          t.boolean('student_detachment').notNullable();
          t.boolean('probation_clause').notNullable();
          t.integer('findings_count').notNullable();
        },
      ],
      [
        'document',
        (t) => {
          base(t);
          t.string('number', 60).notNullable();
          t.string('title', 500).notNullable();
          t.string('issued_on', 10).notNullable();
          t.text('summary').notNullable();
          t.string('due_on', 10).nullable();
          t.boolean('is_public').notNullable();
        },
      ],
      [
        'document_recipient',
        (t) => {
          t.string('id', 36).primary();
          t.string('document_id', 36).notNullable().index();
          t.string('organisation_id', 36).notNullable().index();
          t.string('state', 20).notNullable();
          t.string('sent_on', 10).notNullable();
          t.string('received_on', 10).nullable();
          t.string('acknowledged_on', 10).nullable();
          t.string('acknowledged_by', 36).nullable();
          t.string('responded_on', 10).nullable();
          t.text('response').nullable();
          t.string('closed_on', 10).nullable();
          t.unique(['document_id', 'organisation_id']);
        },
      ],
      [
        'audit_entry',
        (t) => {
          t.string('id', 36).primary();
          t.string('at', 30).notNullable().index();
          t.string('user_id', 36).nullable().index();
          t.string('action', 40).notNullable();
          t.string('object_type', 40).notNullable();
          t.string('object_id', 36).notNullable();
          t.json('before').nullable();
          t.json('after').nullable();
          t.index(['object_type', 'object_id']);
        },
      ],
    ];
    for (const [name, build] of tables) {
      for (const q of k.schema.createTable(name, build).toSQL()) this.addSql(q.sql);
    }
  }

  override async down(): Promise<void> {
    const k = this.getKnex();
    for (const name of [
      'audit_entry',
      'document_recipient',
      'document',
      'placement',
      'labour_need',
      'activity',
      'plan',
      'stored_file',
      'agreement',
      'direction',
      'refresh_token',
      'app_user',
      'organisation',
    ]) {
      for (const q of k.schema.dropTableIfExists(name).toSQL()) this.addSql(q.sql);
    }
  }
}
