import { ActionRelation } from '../modules/action/action-relation.entity';
import { GovernmentAction } from '../modules/action/government-action.entity';
import { Participation } from '../modules/action/participation.entity';
import { Revision } from '../modules/audit/revision.entity';
import { ApiKey } from '../modules/auth/api-key.entity';
import { ImportRun } from '../modules/bulk/import-run.entity';
import { Authority } from '../modules/authority/authority.entity';
import { Country } from '../modules/country/country.entity';
import { EntityRedirect } from '../modules/entity/entity-redirect.entity';
import { EntityRelation } from '../modules/entity/entity-relation.entity';
import { EntityTechnology } from '../modules/entity/entity-technology.entity';
import { LegalEntity } from '../modules/entity/legal-entity.entity';
import { SanctionsList } from '../modules/listing/sanctions-list.entity';
import { Source } from '../modules/source/source.entity';
import { TechnologyCategory } from '../modules/technology/technology.entity';

/** Every persisted class; the one list the ORM config and the migration generator read. */
export const ENTITIES = [
  Country,
  TechnologyCategory,
  Authority,
  SanctionsList,
  Source,
  LegalEntity,
  EntityTechnology,
  EntityRelation,
  GovernmentAction,
  Participation,
  ActionRelation,
  Revision,
  ApiKey,
  EntityRedirect,
  ImportRun,
];
