// en-US catalog, the same keys as zh-CN (type-checked), split by area in ./en-US/.
import type { Catalog } from './zh-CN';
import { base } from './en-US/base';
import { admin } from './en-US/admin';
import { people } from './en-US/people';
import { law } from './en-US/law';
import { desk } from './en-US/desk';
import { applications } from './en-US/applications';
import { handlers } from './en-US/handlers';
import { assignment } from './en-US/assignment';
import { casework } from './en-US/casework';
import { quality } from './en-US/quality';
import { complaints } from './en-US/complaints';
import { visits } from './en-US/visits';
import { opinions } from './en-US/opinions';
import { feeWaivers } from './en-US/feeWaivers';
import { hearings } from './en-US/hearings';
import { inspections } from './en-US/inspections';
import { kpis } from './en-US/kpis';
import { work } from './en-US/work';
import { search } from './en-US/search';
import { duty } from './en-US/duty';
import { criminal } from './en-US/criminal';
import { partners } from './en-US/partners';
import { portal } from './en-US/portal';
import { portalApply } from './en-US/portalApply';
import { portalEngage } from './en-US/portalEngage';
import { messages } from './en-US/messages';
import { portalInfo } from './en-US/portalInfo';
import { funding } from './en-US/funding';
import { subsidyArea } from './en-US/subsidyArea';

const enUS: Catalog = {
  ...base,
  ...admin,
  ...people,
  ...law,
  ...desk,
  ...applications,
  ...handlers,
  ...assignment,
  ...casework,
  ...quality,
  ...complaints,
  ...visits,
  ...opinions,
  ...feeWaivers,
  ...hearings,
  ...inspections,
  ...kpis,
  ...work,
  ...search,
  ...duty,
  ...criminal,
  ...partners,
  ...portal,
  ...portalApply,
  ...portalEngage,
  ...messages,
  ...portalInfo,
  ...funding,
  ...subsidyArea,
};

export default enUS;
