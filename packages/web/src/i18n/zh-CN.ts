// zh-CN is the source catalog: every user-facing string of the web app lives here (and in en-US),
// split by area in ./zh-CN/.
import { base } from './zh-CN/base';
import { admin } from './zh-CN/admin';
import { people } from './zh-CN/people';
import { law } from './zh-CN/law';
import { desk } from './zh-CN/desk';
import { applications } from './zh-CN/applications';
import { handlers } from './zh-CN/handlers';
import { assignment } from './zh-CN/assignment';
import { casework } from './zh-CN/casework';
import { quality } from './zh-CN/quality';
import { complaints } from './zh-CN/complaints';
import { visits } from './zh-CN/visits';
import { opinions } from './zh-CN/opinions';
import { feeWaivers } from './zh-CN/feeWaivers';
import { hearings } from './zh-CN/hearings';
import { inspections } from './zh-CN/inspections';
import { kpis } from './zh-CN/kpis';
import { work } from './zh-CN/work';
import { search } from './zh-CN/search';
import { duty } from './zh-CN/duty';
import { criminal } from './zh-CN/criminal';
import { partners } from './zh-CN/partners';
import { portal } from './zh-CN/portal';
import { portalApply } from './zh-CN/portalApply';
import { portalEngage } from './zh-CN/portalEngage';
import { messages } from './zh-CN/messages';
import { portalInfo } from './zh-CN/portalInfo';
import { funding } from './zh-CN/funding';
import { subsidyArea } from './zh-CN/subsidyArea';

const zhCN = {
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

type Stringify<T> = { [K in keyof T]: T[K] extends string ? string : Stringify<T[K]> };
export type Catalog = Stringify<typeof zhCN>;

export default zhCN;
